import { Get, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { ListSurveysQuery, SurveyService, TrustReportQuery, TrustReportService } from '@lms/trust';
import { Page, WebController } from '../http/page.decorators';

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
    const csv = `/api/v1/reports/trust?unitId=${report.unitId}&from=${report.from}&to=${report.to}&format=csv`;
    return { report, surveys: surveys.items, csv };
  }
}
