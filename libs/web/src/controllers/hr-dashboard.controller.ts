import { Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { EnrollmentService } from '@lms/assignments';
import { CourseService } from '@lms/catalogue';
import { Ctx, pickText, RequestContext, Roles, ValidationFailed } from '@lms/core';
import { unitNameIn } from '@lms/personnel';
import { TrustReportService } from '@lms/trust';
import { complianceTable, ComplianceService, ComplianceTrendService, sendTable } from '@lms/reports';
import { drillLinks } from './hr-compliance-officers.controller';
import { percentBars, percentLine } from '../hr/charts';
import { PageContext } from '../http/page-context';
import { Page, WebController } from '../http/page.decorators';
import { PageCtx } from '../http/page-params';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FORMATS = ['csv', 'xlsx', 'pdf', 'html'] as const;
const TREND_MONTHS = 6;

/** The report's filters as typed in the address: each checked, anything malformed refused (400), nothing guessed. */
function filtersOf(query: Record<string, unknown>) {
  const text = (name: string) => (typeof query[name] === 'string' && query[name] !== '' ? query[name] : undefined);
  const unitId = text('unitId');
  const courseId = text('courseId');
  const asOf = text('asOf');
  const problems = [
    ...(unitId && !UUID.test(unitId) ? [{ field: 'unitId', message: 'must be a UUID' }] : []),
    ...(courseId && !UUID.test(courseId) ? [{ field: 'courseId', message: 'must be a UUID' }] : []),
    ...(asOf && !DAY.test(asOf) ? [{ field: 'asOf', message: 'must be YYYY-MM-DD' }] : []),
  ];
  if (problems.length) throw new ValidationFailed('The report filters are not valid', problems);
  return { unitId, courseId, asOf };
}

/** The address of the compliance report with these filters. */
export function reportHref(filters: { unitId?: string; courseId?: string; asOf?: string }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return `/hr/compliance${query ? `?${query}` : ''}`;
}

/**
 * HR's dashboard for its subtree (completion by unit, overdue, what falls due
 * in the next 30 days, completion over the months and by unit as SVG drawn
 * here) and the compliance report behind every figure, with its downloads.
 * The same services and scope rules as the reports API.
 */
@WebController()
export class HrDashboardController {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly trend: ComplianceTrendService,
    private readonly enrollments: EnrollmentService,
    private readonly courses: CourseService,
    private readonly trust: TrustReportService,
  ) {}

  @Get('hr')
  @Roles('hr')
  @Page('hr/dashboard', 'hr.dashboard.title')
  async dashboard(@Ctx() ctx: RequestContext, @PageCtx() page: PageContext) {
    const report = await this.compliance.report(ctx, { format: 'json' });
    const unit = report.unit;
    const children = report.rows.filter((row) => row.scope === 'subtree');
    const now = new Date();
    const due = await this.enrollments.dueByCourse(ctx, unit.id, now, new Date(now.getTime() + 30 * 24 * 3600 * 1000));
    // Public trust beside completion, over the last year (averages only from 5 responses, as everywhere).
    const trust = await this.trust.report(ctx, { unitId: unit.id, format: 'json' });
    const { courtesy, clarity, fairness } = trust.total.feedback;
    return {
      unit,
      total: report.total,
      refreshers: report.refresherTotal,
      trust: {
        score: courtesy === null || clarity === null || fairness === null ? null : (courtesy + clarity + fairness) / 3,
        responses: trust.total.feedback.responses,
        per100: trust.total.complaints.per100,
        surveyTrust: trust.survey.trust,
        href: '/staff/trust',
      },
      asOf: report.asOf,
      children: children.map((row) => ({ ...row, href: reportHref({ unitId: row.unitId }) })),
      reportHref: reportHref({ unitId: unit.id }),
      due: due.map((row) => ({
        courseId: row.courseId,
        title: pickText(row.courseTitle, page.lang),
        count: row.count,
        href: reportHref({ unitId: unit.id, courseId: row.courseId }),
      })),
      byUnit: percentBars(
        children.map((row) => ({
          label: unitNameIn({ name: row.unitName, names: row.unitNames }, page.lang),
          value: row.completionPercent,
          href: reportHref({ unitId: row.unitId }),
        })),
      ),
      overTime: percentLine(await this.trendOf(ctx, unit.id, report.total.completionPercent, page)),
    };
  }

  @Get('hr/compliance')
  @Roles('hr')
  @Page('hr/compliance', 'hr.compliance.title')
  async report(@Ctx() ctx: RequestContext, @Query() query: Record<string, unknown>) {
    const filters = filtersOf(query);
    const report = await this.compliance.report(ctx, { ...filters, format: 'json' });
    const { items: courses } = await this.courses.list(ctx, { limit: 200, offset: 0 });
    const downloads = FORMATS.map((format) => ({
      format,
      href: `/hr/compliance/export?${new URLSearchParams({ ...definedOf(filters), format }).toString()}`,
    }));
    return {
      report,
      filters,
      rows: report.rows.map((row) => ({
        ...row,
        // A child unit opens its own report, one level down; officers placed here are the issue's next drill-down.
        href: row.scope === 'subtree' ? reportHref({ ...filters, unitId: row.unitId }) : null,
        links: drillLinks({ ...filters, unitId: row.unitId, scope: row.scope === 'subtree' ? undefined : 'own' }),
      })),
      links: drillLinks({ ...filters, unitId: report.unit.id }),
      courses: courses.filter((c) => c.publishedVersionId).map((c) => ({ ...c, selected: c.id === filters.courseId })),
      downloads,
    };
  }

  /** The report as a file (CSV, XLSX, PDF or printable HTML), labelled in the page's language. */
  @Get('hr/compliance/export')
  @Roles('hr')
  async download(
    @Ctx() ctx: RequestContext,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
    @Query('format') format: unknown,
    @Query('lang') lang: unknown,
  ) {
    const filters = filtersOf(query);
    if (!(FORMATS as readonly unknown[]).includes(format)) {
      throw new ValidationFailed('Unknown format', [{ field: 'format', message: `one of ${FORMATS.join(', ')}` }]);
    }
    const report = await this.compliance.report(ctx, { ...filters, format: 'json' });
    const language = lang === 'kk' || lang === 'en' ? lang : 'ru';
    await sendTable(response, format as (typeof FORMATS)[number], complianceTable(report, language));
  }

  /**
   * Completion at the end of each of the last months: the monthly rows the
   * jobs keep (compliance_trend) where there are any for this subtree, the
   * report as of that day otherwise; and now.
   */
  private async trendOf(ctx: RequestContext, unitId: string, current: number | null, page: PageContext) {
    const kept = new Map((await this.trend.history({ id: unitId }, TREND_MONTHS)).map((p) => [p.period, p]));
    const points = [];
    const today = new Date();
    for (let i = TREND_MONTHS; i >= 1; i--) {
      const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i + 1, 0));
      const period = end.toISOString().slice(0, 7);
      const day = end.toISOString().slice(0, 10);
      const value = kept.get(period)?.completionPercent ?? (await this.trend.pastCompletion(ctx, unitId, day));
      points.push({ label: monthLabel(end, page), value, href: reportHref({ unitId, asOf: day }) });
    }
    points.push({ label: page.t('hr.dashboard.now'), value: current, href: reportHref({ unitId }) });
    return points;
  }
}

function monthLabel(date: Date, page: PageContext): string {
  return new Intl.DateTimeFormat(page.lang === 'en' ? 'en-GB' : `${page.lang}-KZ`, {
    month: 'short',
    timeZone: 'UTC',
  }).format(date);
}

function definedOf(filters: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]));
}
