import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, ApiProblems, Ctx, PageOf, PageQuery, RequestContext, Roles } from '@lms/core';
import { CatalogueProblem } from '../catalogue.errors';
import { ProgrammeView } from '../dto/course.response';
import { CreateProgrammeDto, UpdateProgrammeDto } from '../dto/programme.dto';
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
    description: 'Its title, description, or its courses (the list given replaces the list held).',
  })
  @ApiOkResponse({ type: ProgrammeView })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateProgrammeDto) {
    return this.programmes.update(ctx, id, dto);
  }
}
