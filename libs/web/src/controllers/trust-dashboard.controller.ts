import { Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { sendTable } from '@lms/reports';
import { ListSurveysQuery, SurveyService, TrustReportQuery, TrustReportService } from '@lms/trust';
import { TrustExportQuery } from '../forms/trust.forms';
import { Page, WebController } from '../http/page.decorators';
import { trustTable } from '../trust/trust-table';

/** The trust report's files served here (the API serves JSON and CSV). */
const FILE_FORMATS = ['xlsx', 'pdf'] as const;

/** HR's trust indicators beside training completion, for its subtree and a period, and its surveys. */
@WebController()
export class TrustDashboardController {
  constructor(
    private readonly reports: TrustReportService,
    private readonly surveys: SurveyService,
  ) {}

  @Get('staff/trust')
  @Roles('hr')
  @Page('trust/dashboard', 'trust.dashboard.title')
  async dashboard(@Ctx() ctx: RequestContext, @Query() query: TrustReportQuery, @Req() request: Request) {
    const report = await this.reports.report(ctx, { ...query, format: 'json' });
    const origin = `${request.protocol}://${request.get('host')}`;
    const surveys = await this.surveys.list(
      ctx,
      Object.assign(new ListSurveysQuery(), { unitId: report.unitId, limit: 10, offset: 0 }),
      origin,
    );
    const period = `unitId=${report.unitId}&from=${report.from}&to=${report.to}`;
    const csv = `/api/v1/reports/trust?${period}&format=csv`;
    const files = FILE_FORMATS.map((format) => ({ format, href: `/staff/trust/export?${period}&format=${format}` }));
    return { report, surveys: surveys.items, csv, files };
  }

  /** The trust report as XLSX or PDF, labelled in kk, ru or en (`lang`, default ru): the same figures as the page. */
  @Get('staff/trust/export')
  @Roles('hr')
  async download(@Ctx() ctx: RequestContext, @Query() query: TrustExportQuery, @Res() response: Response) {
    const report = await this.reports.report(ctx, { unitId: query.unitId, from: query.from, to: query.to });
    await sendTable(response, query.format, trustTable(report, query.lang ?? 'ru'));
  }
}
