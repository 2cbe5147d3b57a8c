import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { CreateOfficerDto, ListOfficersQuery, UpdateOfficerDto } from '../dto/officer.dto';
import { UnsupportedImportType } from '../personnel.errors';
import { OfficerImportService } from '../services/officer-import.service';
import { OfficerService } from '../services/officer.service';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];

@ApiTags('officers')
@Controller('officers')
export class OfficerController {
  constructor(
    private readonly officers: OfficerService,
    private readonly importer: OfficerImportService,
  ) {}

  @Get()
  @Roles('officer', 'hr', 'trainer')
  list(@Ctx() ctx: RequestContext, @Query() query: ListOfficersQuery) {
    return this.officers.list(ctx, query);
  }

  @Post()
  @Roles('hr')
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateOfficerDto) {
    return this.officers.create(ctx, dto);
  }

  /** HR's CSV export, streamed: `personnel_number,full_name,rank,position,service_type,unit_code,status,language`. */
  @Post('import')
  @HttpCode(200)
  @Roles('hr')
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'personnel_number,full_name,rank,position,service_type,unit_code,status,language',
    },
  })
  import(@Ctx() ctx: RequestContext, @Req() request: Request) {
    const type = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
    if (!type || !CSV_TYPES.includes(type)) throw new UnsupportedImportType(type);
    return this.importer.import(ctx, request);
  }

  @Get(':id')
  @Roles('officer', 'hr', 'trainer')
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.officers.get(ctx, id);
  }

  @Patch(':id')
  @Roles('hr')
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOfficerDto) {
    return this.officers.update(ctx, id, dto);
  }
}
