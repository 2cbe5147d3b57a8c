import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, Ctx, RequestContext, Roles } from '@lms/core';
import { ComplianceQuery, OfficerRecordQuery } from '../dto/report-query.dto';
import { complianceTable } from '../render/compliance-table';
import { recordTable } from '../render/record-table';
import { ComplianceService } from '../services/compliance.service';
import { OfficerRecordService } from '../services/officer-record.service';
import { sendJson, sendTable } from '../render/send-report';

const FILE_TYPES = [
  'application/json',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly records: OfficerRecordService,
  ) {}

  /** Per unit of a subtree: officers in audience, completed, in progress, not started, overdue, exempted, completion %. */
  @Get('reports/compliance')
  @Roles('hr', 'trainer')
  @ApiProduces(...FILE_TYPES, 'text/html', 'application/pdf')
  @ApiOkResponse({ description: '`{ asOf, unit, filters, rows, total }`, or the same as a file' })
  async complianceReport(@Ctx() ctx: RequestContext, @Query() query: ComplianceQuery, @Res() response: Response) {
    const report = await this.compliance.report(ctx, query);
    if (query.format === 'json') return sendJson(response, report);
    await sendTable(response, query.format, complianceTable(report, query.lang ?? 'ru'));
  }

  /** Every enrolment of one officer across cycles. Officers read their own; HR and trainers their subtrees. */
  @Get('reports/officers/:id/record')
  @AnyRole()
  @ApiProduces('application/json', 'application/pdf')
  async officerRecord(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: OfficerRecordQuery,
    @Res() response: Response,
  ) {
    const record = await this.records.record(ctx, id);
    if (query.format === 'json') return sendJson(response, record);
    await sendTable(response, query.format, recordTable(record, query.lang ?? record.officer.language));
  }
}
