import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Ctx, RequestContext, Roles, ValidationFailed } from '@lms/core';
import { OFFICER_STATUSES, OfficerService, SERVICE_TYPES, UnitService } from '@lms/personnel';
import { OfficerRecordService, recordTable, sendTable } from '@lms/reports';
import { PageContext } from '../http/page-context';
import { Action, Page, redirectTo, WebController } from '../http/page.decorators';
import { PageCtx } from '../http/page-params';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 25;

/** The list's filters as typed in the address: each checked, anything malformed refused (400). */
function filtersOf(query: Record<string, unknown>) {
  const text = (name: string) =>
    typeof query[name] === 'string' && query[name].trim() !== '' ? query[name].trim() : undefined;
  const filters = {
    unitId: text('unitId'),
    serviceType: text('serviceType'),
    rank: text('rank'),
    status: text('status'),
    q: text('q'),
  };
  const page = Number(text('page') ?? '1');
  const problems = [
    ...(filters.unitId && !UUID.test(filters.unitId) ? [{ field: 'unitId', message: 'must be a UUID' }] : []),
    ...(filters.serviceType && !(SERVICE_TYPES as readonly string[]).includes(filters.serviceType)
      ? [{ field: 'serviceType', message: `one of ${SERVICE_TYPES.join(', ')}` }]
      : []),
    ...(filters.status && !(OFFICER_STATUSES as readonly string[]).includes(filters.status)
      ? [{ field: 'status', message: `one of ${OFFICER_STATUSES.join(', ')}` }]
      : []),
    ...((filters.rank?.length ?? 0) > 100 || (filters.q?.length ?? 0) > 100
      ? [{ field: 'q', message: 'at most 100 characters' }]
      : []),
    ...(!Number.isInteger(page) || page < 1 || page > 10_000 ? [{ field: 'page', message: 'a page number' }] : []),
  ];
  if (problems.length) throw new ValidationFailed('The list filters are not valid', problems);
  return { filters, page };
}

const options = (values: readonly string[], selected: string | undefined) =>
  values.map((value) => ({ value, selected: value === selected }));

/**
 * HR's officers: the list of its subtree with filters and pages, an
 * officer's page with their training record (and its PDF), transfer within
 * the subtree and dismissal. The personnel service decides scope: another
 * region's officer is a 404 page, as in the API.
 */
@WebController()
export class HrOfficersController {
  constructor(
    private readonly officers: OfficerService,
    private readonly units: UnitService,
    private readonly records: OfficerRecordService,
  ) {}

  @Get('hr/officers')
  @Roles('hr')
  @Page('hr/officers', 'hr.officers.title')
  async list(@Ctx() ctx: RequestContext, @Query() query: Record<string, unknown>) {
    const { filters, page } = filtersOf(query);
    const found = await this.officers.list(ctx, {
      ...filters,
      serviceType: filters.serviceType as (typeof SERVICE_TYPES)[number] | undefined,
      status: filters.status as (typeof OFFICER_STATUSES)[number] | undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    const href = (to: number) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
      params.set('page', String(to));
      return `/hr/officers?${params.toString()}`;
    };
    return {
      filters,
      officers: found.items,
      total: found.total,
      units: (await this.scopeUnits(ctx)).map((unit) => ({ ...unit, selected: unit.id === filters.unitId })),
      serviceTypes: options(SERVICE_TYPES, filters.serviceType),
      statuses: options(OFFICER_STATUSES, filters.status),
      ranks: options(await this.officers.ranks(ctx), filters.rank),
      pager: {
        page,
        pages,
        previous: page > 1 ? href(page - 1) : null,
        next: page < pages ? href(page + 1) : null,
      },
    };
  }

  @Get('hr/officers/:id')
  @Roles('hr')
  @Page('hr/officer', 'hr.officers.title')
  async officer(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @PageCtx() page: PageContext) {
    return this.officerModel(ctx, id, page);
  }

  /** The training record as PDF, in the page's language. */
  @Get('hr/officers/:id/record.pdf')
  @Roles('hr')
  async recordPdf(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('lang') lang: unknown,
    @Res() response: Response,
  ) {
    const record = await this.records.record(ctx, id);
    const language = lang === 'kk' || lang === 'en' || lang === 'ru' ? lang : record.officer.language;
    await sendTable(response, 'pdf', recordTable(record, language));
  }

  @Post('hr/officers/:id/transfer')
  @Roles('hr')
  @Action()
  async transfer(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const unitId = typeof body.unitId === 'string' ? body.unitId : '';
    if (!UUID.test(unitId))
      throw new ValidationFailed('Choose a unit', [{ field: 'unitId', message: 'errors.required' }]);
    await this.officers.update(ctx, id, { unitId });
    return redirectTo(`/hr/officers/${id}`, 'officerTransferred');
  }

  @Post('hr/officers/:id/dismiss')
  @Roles('hr')
  @Action()
  async dismiss(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    await this.officers.update(ctx, id, { status: 'dismissed' });
    return redirectTo(`/hr/officers/${id}`, 'officerDismissed');
  }

  private async officerModel(ctx: RequestContext, id: string, page: PageContext) {
    const officer = await this.officers.get(ctx, id);
    const record = await this.records.record(ctx, id);
    return {
      officer,
      record,
      units: (await this.scopeUnits(ctx)).filter((unit) => unit.id !== officer.unitId),
      recordHref: `/hr/officers/${id}/record.pdf?lang=${page.lang}`,
      dismissed: officer.status === 'dismissed',
    };
  }

  /** The units of the caller's subtrees, for the filter and the transfer's choices. */
  private async scopeUnits(ctx: RequestContext) {
    return (await this.units.list(ctx, { limit: 500, offset: 0 })).items;
  }
}
