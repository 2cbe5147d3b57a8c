import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { ComplianceQuery } from '../dto/report-query.dto';
import { complianceTable } from '../render/compliance-table';
import { ComplianceService } from '../services/compliance.service';
import { sendJson, sendTable } from './send-report';

const FILE_TYPES = [
  'application/json',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(private readonly compliance: ComplianceService) {}

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
}
