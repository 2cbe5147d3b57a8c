import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnyRole, Ctx, PageQuery, RequestContext, Roles } from '@lms/core';
import { CreateProgrammeDto, UpdateProgrammeDto } from '../dto/programme.dto';
import { ProgrammeService } from '../services/programme.service';

@ApiTags('catalogue')
@Controller()
export class ProgrammeController {
  constructor(private readonly programmes: ProgrammeService) {}

  @Get('programmes')
  @AnyRole()
  list(@Ctx() ctx: RequestContext, @Query() query: PageQuery) {
    return this.programmes.list(ctx, query);
  }

  @Get('programmes/:id')
  @AnyRole()
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.programmes.get(ctx, id);
  }

  @Post('programmes')
  @Roles('trainer')
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateProgrammeDto) {
    return this.programmes.create(ctx, dto);
  }

  @Patch('programmes/:id')
  @Roles('trainer')
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateProgrammeDto) {
    return this.programmes.update(ctx, id, dto);
  }
}
