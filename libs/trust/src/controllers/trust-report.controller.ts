import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiDownload, ApiProblems, contentDisposition, Ctx, RequestContext, Roles } from '@lms/core';
import { TrustReport, TrustReportQuery } from '../dto/trust-report.dto';
import { trustReportCsv } from '../services/trust-csv';
import { TrustReportService } from '../services/trust-report.service';
import { TrustProblem } from '../trust.errors';

@ApiTags('trust')
@ApiProblems('Trust', Object.values(TrustProblem))
@Controller()
export class TrustReportController {
  constructor(private readonly reports: TrustReportService) {}

  @Get('reports/trust')
  @Roles('hr')
  @ApiOperation({
    summary: 'Trust indicators beside training',
    description:
      'Per child unit of the subtree and in total, for a period: citizens’ feedback (averages only from 5 responses), complaints per 100 officers by category and substantiated, the programme’s completion in the same units; feedback before and after officers’ first completed course; survey results beside the thesis’s 64.3% trust. `format=csv` for a spreadsheet. Outside your subtrees: 404.',
  })
  @ApiDownload({
    description: 'The report as JSON (`format=json`, the default) or CSV with BOM',
    json: TrustReport,
    mediaTypes: ['text/csv'],
  })
  async report(
    @Ctx() ctx: RequestContext,
    @Query() query: TrustReportQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const report = await this.reports.report(ctx, query);
    if (query.format !== 'csv') return report;
    response
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', contentDisposition(`trust-${report.from}-${report.to}.csv`));
    return trustReportCsv(report);
  }
}
