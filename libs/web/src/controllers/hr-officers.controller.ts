import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { EnrollmentService } from '@lms/assignments';
import { CourseService } from '@lms/catalogue';
import { Ctx, NotFound, RequestContext, Roles, ValidationFailed } from '@lms/core';
import { OFFICER_STATUSES, OfficerService, SERVICE_TYPES, UnitService } from '@lms/personnel';
import { OfficerRecordService, recordTable, sendTable } from '@lms/reports';
import { AssignForm, ExemptionForm } from '../forms/order.forms';
import { Action, Form, Page, redirectTo, WebController } from '../http/page.decorators';
import { pagerOf } from '../http/pager';
import { checkedForm } from '../trust/public-form';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 25;
const OFFICER_VIEW = 'hr/officer';
const OFFICER_TITLE = 'hr.officers.title';
/** Enrolments HR may still exempt the officer from. */
const OPEN = new Set(['assigned', 'in_progress', 'overdue']);

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
    private readonly enrollments: EnrollmentService,
    private readonly courses: CourseService,
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
      pager: pagerOf(page, found.total, PAGE_SIZE, href),
    };
  }

  @Get('hr/officers/:id')
  @Roles('hr')
  @Page(OFFICER_VIEW, OFFICER_TITLE)
  async officer(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.officerModel(ctx, id);
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

  /** One course assigned by hand (POST /enrollments for one officer); an officer already covered is told so. */
  @Post('hr/officers/:id/assignments')
  @Roles('hr')
  @Form(OFFICER_VIEW, OFFICER_TITLE)
  async assign(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const form = await checkedForm(AssignForm, body, () => this.officerModel(ctx, id));
    const { enrolled } = await this.enrollments.assignManually(ctx, {
      courseId: form.courseId,
      officerIds: [id],
      dueDate: form.dueDate,
      ...(form.assignReason ? { reason: form.assignReason } : {}),
    });
    return redirectTo(`/hr/officers/${id}`, enrolled ? 'officerAssigned' : 'officerAlreadyAssigned');
  }

  /** Exempts the officer from one of their open enrolments, with the reason (POST /enrollments/:id/exemption). */
  @Post('hr/officers/:id/exemption')
  @Roles('hr')
  @Form(OFFICER_VIEW, OFFICER_TITLE)
  async exempt(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const enrollmentId = typeof body.enrollmentId === 'string' ? body.enrollmentId : '';
    if (!UUID.test(enrollmentId))
      throw new ValidationFailed('Choose an assignment', [{ field: 'enrollmentId', message: 'errors.required' }]);
    const form = await checkedForm(ExemptionForm, body, () => this.officerModel(ctx, id));
    const enrollment = await this.enrollments.get(ctx, enrollmentId);
    if (enrollment.officerId !== id) throw new NotFound('Enrollment', enrollmentId);
    await this.enrollments.exempt(ctx, enrollmentId, form.reason);
    return redirectTo(`/hr/officers/${id}`, 'officerExempted');
  }

  private async officerModel(ctx: RequestContext, id: string) {
    const officer = await this.officers.get(ctx, id);
    const record = await this.records.record(ctx, id);
    const { items: courses } = await this.courses.list(ctx, { limit: 500, offset: 0 });
    return {
      officer,
      record,
      units: (await this.scopeUnits(ctx)).filter((unit) => unit.id !== officer.unitId),
      dismissed: officer.status === 'dismissed',
      open: record.enrollments.filter((enrollment) => OPEN.has(enrollment.status)),
      courses: courses.filter((course) => course.publishedVersionId),
    };
  }

  /** The units of the caller's subtrees, for the filter and the transfer's choices. */
  private async scopeUnits(ctx: RequestContext) {
    return (await this.units.list(ctx, { limit: 500, offset: 0 })).items;
  }
}
