import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Ctx, PageOf, RequestContext, Roles } from '@lms/core';
import { CreateUnitDto, ListUnitsQuery, UpdateUnitDto } from '../dto/unit.dto';
import { UnitDetail, UnitTreeNode, UnitView } from '../dto/unit.response';
import { PersonnelProblem } from '../personnel.errors';
import { UnitService } from '../services/unit.service';

@ApiTags('units')
@ApiProblems('Personnel', Object.values(PersonnelProblem))
@Controller('units')
export class UnitController {
  constructor(private readonly units: UnitService) {}

  @Get()
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'List units',
    description: 'Units of your subtrees, by code and name; narrowed to the children of a unit or a whole subtree.',
  })
  @ApiOkResponse({ type: PageOf(UnitView) })
  list(@Ctx() ctx: RequestContext, @Query() query: ListUnitsQuery) {
    return this.units.list(ctx, query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Create a unit',
    description: 'A unit under a parent of your subtree; only an administrator of the whole tree creates a root.',
  })
  @ApiCreatedResponse({ type: UnitView })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUnitDto) {
    return this.units.create(ctx, dto);
  }

  @Get(':id')
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'Read a unit',
    description: 'The unit with its ancestors (root first) and its direct sub-units; outside your subtrees: 404.',
  })
  @ApiOkResponse({ type: UnitDetail })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.units.get(ctx, id);
  }

  @Get(':id/subtree')
  @Roles('hr', 'trainer')
  @ApiOperation({ summary: 'Read a subtree', description: 'The unit and all its descendants as a nested tree.' })
  @ApiOkResponse({ type: UnitTreeNode })
  subtree(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.units.subtree(ctx, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change a unit',
    description: 'Rename, recode, change the time zone, or move it (with its whole subtree) under another parent.',
  })
  @ApiOkResponse({ type: UnitView })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(ctx, id, dto);
  }
}
