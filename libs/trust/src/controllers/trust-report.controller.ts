import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiDownload, ApiProblems, contentDisposition, Ctx, RequestContext, Roles, ValidationFailed } from '@lms/core';
import { TrustReport, TrustReportQuery } from '../dto/trust-report.dto';
import { trustReportCsv } from '../services/trust-csv';
import { TrustFiles } from '../services/trust-files';
import { TrustReportService } from '../services/trust-report.service';
import { TrustProblem } from '../trust.errors';

@ApiTags('trust')
@ApiProblems('Trust', Object.values(TrustProblem))
@Controller()
export class TrustReportController {
  constructor(
    private readonly reports: TrustReportService,
    private readonly files: TrustFiles,
  ) {}

  @Get('reports/trust')
  @Roles('hr')
  @ApiOperation({
    summary: 'Trust indicators beside training',
    description:
      'Per child unit of the subtree and in total, for a period: citizens’ feedback (averages only from 5 responses), complaints per 100 officers by category and substantiated, the programme’s completion in the same units; feedback before and after officers’ first completed course; survey results beside the thesis’s 64.3% trust. `format=csv` for a spreadsheet; `format=xlsx` or `format=pdf` for the same table as a file labelled in `lang` (kk, ru or en; default ru), rendered by the reports library (text cells formula-safe). Outside your subtrees: 404.',
  })
  @ApiDownload({
    description: 'The report as JSON (`format=json`, the default), CSV with BOM, XLSX or PDF',
    json: TrustReport,
    mediaTypes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'],
  })
  async report(
    @Ctx() ctx: RequestContext,
    @Query() query: TrustReportQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const report = await this.reports.report(ctx, query);
    if (query.format === 'xlsx' || query.format === 'pdf') {
      const file = await this.files.render(report, query.format, query.lang ?? 'ru');
      if (!file)
        throw new ValidationFailed('This server renders no trust files', [
          { field: 'format', message: 'errors.invalid' },
        ]);
      response
        .type(file.contentType)
        .set('Content-Disposition', contentDisposition(file.fileName))
        .set('Cache-Control', 'no-store');
      return new StreamableFile(file.body);
    }
    if (query.format !== 'csv') return report;
    response
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', contentDisposition(`trust-${report.from}-${report.to}.csv`));
    return trustReportCsv(report);
  }
}
