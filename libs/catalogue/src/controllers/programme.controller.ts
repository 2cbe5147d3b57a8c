import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, ApiProblems, Ctx, PageOf, PageQuery, RequestContext, Roles } from '@lms/core';
import { CatalogueProblem } from '../catalogue.errors';
import { ProgrammeView } from '../dto/course.response';
import { CreateProgrammeDto, ProgrammeGrantDto, UpdateProgrammeDto } from '../dto/programme.dto';
import { ProgrammeService } from '../services/programme.service';

@ApiTags('catalogue')
@ApiProblems('Catalogue', Object.values(CatalogueProblem))
@Controller()
export class ProgrammeController {
  constructor(private readonly programmes: ProgrammeService) {}

  @Get('programmes')
  @AnyRole()
  @ApiOperation({ summary: 'List programmes', description: 'Programmes by code, each with its courses in order.' })
  @ApiOkResponse({ type: PageOf(ProgrammeView) })
  list(@Ctx() ctx: RequestContext, @Query() query: PageQuery) {
    return this.programmes.list(ctx, query);
  }

  @Get('programmes/:id')
  @AnyRole()
  @ApiOperation({ summary: 'Read a programme', description: 'With its courses in order and their published versions.' })
  @ApiOkResponse({ type: ProgrammeView })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.programmes.get(ctx, id);
  }

  @Post('programmes')
  @Roles('trainer')
  @ApiOperation({ summary: 'Create a programme', description: 'An ordered set of courses under a unique code.' })
  @ApiCreatedResponse({ type: ProgrammeView })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateProgrammeDto) {
    return this.programmes.create(ctx, dto);
  }

  @Patch('programmes/:id')
  @Roles('trainer')
  @ApiOperation({
    summary: 'Change a programme',
    description:
      'Its title, description, or its courses (the list given replaces the list held); its owner, granted trainers and national admins only (else 403 `not-programme-author`).',
  })
  @ApiOkResponse({ type: ProgrammeView })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateProgrammeDto) {
    return this.programmes.update(ctx, id, dto);
  }

  @Post('programmes/:id/grants')
  @HttpCode(204)
  @Roles('trainer')
  @ApiOperation({
    summary: 'Grant programme authoring',
    description:
      'Another trainer (or admin) of your units may change the programme too; its owner or a national admin grants.',
  })
  @ApiNoContentResponse({ description: 'Granted' })
  async grant(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ProgrammeGrantDto) {
    await this.programmes.grant(ctx, id, dto.userId, true);
  }

  @Delete('programmes/:id/grants/:userId')
  @HttpCode(204)
  @Roles('trainer')
  @ApiOperation({
    summary: 'Revoke programme authoring',
    description: 'The user no longer changes the programme; its owner or a national admin revokes.',
  })
  @ApiNoContentResponse({ description: 'Revoked' })
  async revoke(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ) {
    await this.programmes.grant(ctx, id, userId, false);
  }
}
