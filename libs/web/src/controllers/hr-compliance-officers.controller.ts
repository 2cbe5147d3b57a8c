import { Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Ctx, LANGUAGES, Language, RequestContext, Roles, ValidationFailed } from '@lms/core';
import { OfficerOutcomeService, OfficersBehindQuery, OUTCOME_STATES, outcomesTable, sendTable } from '@lms/reports';
import { Page, WebController } from '../http/page.decorators';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PAGE_SIZE = 25;
const FILES = ['csv', 'xlsx'] as const;

/** The drill-down's filters as typed in the address: each checked, anything malformed refused (400). */
function drillOf(query: Record<string, unknown>) {
  const text = (name: string) => (typeof query[name] === 'string' && query[name] !== '' ? query[name] : undefined);
  const filters = {
    unitId: text('unitId'),
    courseId: text('courseId'),
    orderId: text('orderId'),
    status: text('status'),
    scope: text('scope'),
    asOf: text('asOf'),
  };
  const page = Number(text('page') ?? '1');
  const problems = [
    ...(['unitId', 'courseId', 'orderId'] as const)
      .filter((field) => filters[field] && !UUID.test(filters[field]))
      .map((field) => ({ field, message: 'must be a UUID' })),
    ...(filters.status && !(OUTCOME_STATES as readonly string[]).includes(filters.status)
      ? [{ field: 'status', message: `one of ${OUTCOME_STATES.join(', ')}` }]
      : []),
    ...(filters.scope && filters.scope !== 'own' ? [{ field: 'scope', message: 'own or nothing' }] : []),
    ...(filters.asOf && !DAY.test(filters.asOf) ? [{ field: 'asOf', message: 'must be YYYY-MM-DD' }] : []),
    ...(!Number.isInteger(page) || page < 1 || page > 10_000 ? [{ field: 'page', message: 'a page number' }] : []),
  ];
  if (problems.length) throw new ValidationFailed('The drill-down filters are not valid', problems);
  return { filters, page };
}

/** The reports service's query for these filters. */
function queryOf(filters: ReturnType<typeof drillOf>['filters']): OfficersBehindQuery {
  return Object.assign(new OfficersBehindQuery(), {
    unitId: filters.unitId,
    courseId: filters.courseId,
    orderId: filters.orderId,
    asOf: filters.asOf,
    status: filters.status,
    scope: filters.scope === 'own' ? 'own' : 'subtree',
  });
}

/** The address of the drill-down with these filters (blank ones left out). */
export function officersHref(filters: Record<string, string | undefined>, path = '/hr/compliance/officers'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return `${path}?${params.toString()}`;
}

/**
 * The officers behind a figure of the compliance report, one page at a time,
 * and every one of them as CSV or XLSX: the reports service behind
 * GET /reports/compliance/officers, so the scope (404 outside the subtrees)
 * and the counting are the report's.
 */
@WebController()
export class HrComplianceOfficersController {
  constructor(private readonly outcomes: OfficerOutcomeService) {}

  @Get('hr/compliance/officers')
  @Roles('hr')
  @Page('hr/compliance-officers', 'hr.drill.title')
  async list(@Ctx() ctx: RequestContext, @Query() query: Record<string, unknown>) {
    const { filters, page } = drillOf(query);
    const {
      page: found,
      unit,
      asOf,
    } = await this.outcomes.drill(ctx, queryOf(filters), {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    return {
      filters,
      unit,
      asOf,
      officers: found.items,
      total: found.total,
      back: officersHref({ unitId: filters.unitId, courseId: filters.courseId, asOf: filters.asOf }, '/hr/compliance'),
      downloads: FILES.map((format) => ({
        format,
        href: officersHref({ ...filters, format }, '/hr/compliance/officers/export'),
      })),
      pager: {
        page,
        pages,
        previous: page > 1 ? officersHref({ ...filters, page: String(page - 1) }) : null,
        next: page < pages ? officersHref({ ...filters, page: String(page + 1) }) : null,
      },
    };
  }

  /** Every officer behind the figure as a file, one line per course, labelled in the page's language. */
  @Get('hr/compliance/officers/export')
  @Roles('hr')
  async download(
    @Ctx() ctx: RequestContext,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
    @Query('format') format: unknown,
    @Query('lang') lang: unknown,
  ) {
    const { filters } = drillOf(query);
    if (!(FILES as readonly unknown[]).includes(format)) {
      throw new ValidationFailed('Unknown format', [{ field: 'format', message: `one of ${FILES.join(', ')}` }]);
    }
    const language: Language = (LANGUAGES as readonly unknown[]).includes(lang) ? (lang as Language) : 'ru';
    const { page, unit, asOf } = await this.outcomes.listAll(ctx, queryOf(filters));
    const table = outcomesTable(page, language, { unit, timezone: unit.timezone, asOf, state: filters.status ?? null });
    await sendTable(response, format as (typeof FILES)[number], table);
  }
}

/** For a row of the compliance report: the drill-down address behind each of its numbers. */
export function drillLinks(filters: Record<string, string | undefined>) {
  return Object.fromEntries(
    [['inAudience', undefined] as const, ...OUTCOME_STATES.map((state) => [state, state] as const)].map(
      ([column, status]) => [column, officersHref({ ...filters, status })],
    ),
  );
}
