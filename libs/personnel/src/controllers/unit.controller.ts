import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { CreateUnitDto, ListUnitsQuery, UpdateUnitDto } from '../dto/unit.dto';
import { UnitService } from '../services/unit.service';

@ApiTags('units')
@Controller('units')
export class UnitController {
  constructor(private readonly units: UnitService) {}

  @Get()
  @Roles('hr', 'trainer')
  list(@Ctx() ctx: RequestContext, @Query() query: ListUnitsQuery) {
    return this.units.list(ctx, query);
  }

  @Post()
  @Roles('admin')
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUnitDto) {
    return this.units.create(ctx, dto);
  }

  @Get(':id')
  @Roles('hr', 'trainer')
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.units.get(ctx, id);
  }

  @Get(':id/subtree')
  @Roles('hr', 'trainer')
  subtree(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.units.subtree(ctx, id);
  }

  @Patch(':id')
  @Roles('admin')
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(ctx, id, dto);
  }
}
