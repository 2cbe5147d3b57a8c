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
    const now = new Date();
    const scope = await this.compliance.unitInScope(ctx, undefined);
    // The figures are independent reads: asked at once, the page waits for the slowest, not for their sum.
    const [report, due, trust, history] = await Promise.all([
      this.compliance.compute({ unit: scope, asOf: now }),
      this.enrollments.dueByCourse(ctx, scope.id, now, new Date(now.getTime() + 30 * 24 * 3600 * 1000)),
      // Public trust beside completion, over the last year (averages only from 5 responses, as everywhere):
      // the subtree's totals only, not the trust report's per-unit rows the page does not show.
      this.trust.summary(ctx, { unitId: scope.id }),
      this.trendOf(ctx, scope.id, page),
    ]);
    const unit = report.unit;
    const children = report.rows.filter((row) => row.scope === 'subtree');
    const { courtesy, clarity, fairness } = trust.feedback;
    return {
      unit,
      total: report.total,
      refreshers: report.refresherTotal,
      trust: {
        score: courtesy === null || clarity === null || fairness === null ? null : (courtesy + clarity + fairness) / 3,
        responses: trust.feedback.responses,
        per100: trust.complaintsPer100,
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
      overTime: percentLine([
        ...history,
        {
          label: page.t('hr.dashboard.now'),
          value: report.total.completionPercent,
          href: reportHref({ unitId: unit.id }),
        },
      ]),
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
   * report as of that day otherwise.
   */
  private async trendOf(ctx: RequestContext, unitId: string, page: PageContext) {
    const today = new Date();
    const ends = Array.from(
      { length: TREND_MONTHS },
      (_, i) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - TREND_MONTHS + i + 1, 0)),
    );
    const kept = new Map((await this.trend.history({ id: unitId }, TREND_MONTHS)).map((p) => [p.period, p]));
    const missing = ends.filter((end) => !kept.has(end.toISOString().slice(0, 7))).map((end) => dayOf(end));
    const past = await this.trend.pastCompletions(ctx, unitId, missing);
    const months = monthFormat(page.lang);
    return ends.map((end) => ({
      label: months.format(end),
      value: kept.get(end.toISOString().slice(0, 7))?.completionPercent ?? past.get(dayOf(end)) ?? null,
      href: reportHref({ unitId, asOf: dayOf(end) }),
    }));
  }
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Short month names per language: one formatter each, built once (building one costs more than using it). */
const monthFormats = new Map<string, Intl.DateTimeFormat>();
function monthFormat(lang: string): Intl.DateTimeFormat {
  let format = monthFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : `${lang}-KZ`, { month: 'short', timeZone: 'UTC' });
    monthFormats.set(lang, format);
  }
  return format;
}

function definedOf(filters: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]));
}
