import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblems, Ctx, PageOf, RequestContext, Roles } from '@lms/core';
import { CreateOfficerDto, ListOfficersQuery, UpdateOfficerDto } from '../dto/officer.dto';
import { ImportResult, OfficerView } from '../dto/officer.response';
import { PersonnelProblem, UnsupportedImportType } from '../personnel.errors';
import { importEncodingOf } from '../services/csv-decoding';
import { OfficerImportService } from '../services/officer-import.service';
import { OfficerService } from '../services/officer.service';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];

@ApiTags('officers')
@ApiProblems('Personnel', Object.values(PersonnelProblem))
@Controller('officers')
export class OfficerController {
  constructor(
    private readonly officers: OfficerService,
    private readonly importer: OfficerImportService,
  ) {}

  @Get()
  @Roles('officer', 'hr', 'trainer')
  @ApiOperation({
    summary: 'List officers',
    description:
      'Officers of your subtrees (an officer: only themself), filtered by unit subtree, service type, status or part of the name or personnel number.',
  })
  @ApiOkResponse({ type: PageOf(OfficerView) })
  list(@Ctx() ctx: RequestContext, @Query() query: ListOfficersQuery) {
    return this.officers.list(ctx, query);
  }

  @Post()
  @Roles('hr')
  @ApiOperation({
    summary: 'Create an officer',
    description: 'A personnel record in a unit of your subtree; the personnel number is unique.',
  })
  @ApiCreatedResponse({ type: OfficerView })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateOfficerDto) {
    return this.officers.create(ctx, dto);
  }

  @Post('import')
  @HttpCode(200)
  @Roles('hr')
  @ApiOperation({
    summary: 'Import the personnel list',
    description:
      "HR's CSV export, streamed (comma- or semicolon-separated): `personnel_number,full_name,rank,position,service_type,unit_code,status,language`, upserted by personnel number. In UTF-8 (with or without BOM), Windows-1251 or KZ-1048: the Content-Type's charset (`utf-8`, `windows-1251`, `kz-1048`), or detected from the bytes when absent. Any bad line, or bytes that are no text in that encoding: 422 listing every error, nothing written.",
  })
  @ApiOkResponse({ type: ImportResult })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'personnel_number,full_name,rank,position,service_type,unit_code,status,language',
    },
  })
  import(@Ctx() ctx: RequestContext, @Req() request: Request) {
    const header = request.headers['content-type'];
    const type = header?.split(';')[0].trim().toLowerCase();
    if (!type || !CSV_TYPES.includes(type)) throw new UnsupportedImportType(type);
    const charset = /;\s*charset\s*=\s*([^;]+)/i.exec(header ?? '')?.[1];
    const encoding = importEncodingOf(charset);
    if (!encoding) throw new UnsupportedImportType(header);
    return this.importer.import(ctx, request, encoding);
  }

  @Get(':id')
  @Roles('officer', 'hr', 'trainer')
  @ApiOperation({ summary: 'Read an officer', description: 'One personnel record; outside your subtrees: 404.' })
  @ApiOkResponse({ type: OfficerView })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.officers.get(ctx, id);
  }

  @Patch(':id')
  @Roles('hr')
  @ApiOperation({
    summary: 'Change an officer',
    description: 'Any field but the personnel number; a new unit is a transfer (rules then enrol or withdraw).',
  })
  @ApiOkResponse({ type: OfficerView })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOfficerDto) {
    return this.officers.update(ctx, id, dto);
  }
}
