import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  AssignmentsProblem,
  AudienceDto,
  OrderRulesService,
  OrderService,
  OrderView,
  RuleService,
} from '@lms/assignments';
import { CourseService } from '@lms/catalogue';
import { Conflict, Ctx, DomainError, NotFound, RequestContext, Roles, ValidationFailed } from '@lms/core';
import { OfficerService, SERVICE_TYPES, UnitService } from '@lms/personnel';
import { AudienceFields, OrderEditForm, OrderForm, RuleForm } from '../forms/order.forms';
import { FormRejected, typedValues } from '../http/form-rejected';
import { Form, Page, redirectTo, WebController } from '../http/page.decorators';
import { pageNumberOf, pagerOf } from '../http/pager';
import { checkedForm } from '../trust/public-form';
import { officersHref } from './hr-compliance-officers.controller';

const ORDER_VIEW = 'hr/order-form';
const ORDER_TITLE = 'hrRules.orderForm.title';
const RULE_VIEW = 'hr/rule-form';
const RULE_TITLE = 'hrRules.ruleForm.title';
/** Orders on a page of the list, newest first. */
const ORDERS_PAGE = 20;

/** Today in Almaty, as a form's default day. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
/** What a checkbox group sent, as a list of texts (to show the boxes checked again). */
const sent = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
const audienceOf = (form: AudienceFields): AudienceDto => ({
  unitIds: form.unitIds,
  serviceTypes: form.serviceTypes,
  ranks: form.ranks,
});

/**
 * HR's orders and assignment rules: the orders of its scope with what their
 * rules enrolled, a new order that creates its rules in the same step, a rule
 * for an existing order, and the audience's size shown before either is saved
 * (a server round trip: no script needed). The same services, scope rules and
 * transactions as POST /orders, POST /assignment-rules and
 * POST /assignment-rules/audience.
 */
@WebController()
export class HrOrdersController {
  constructor(
    private readonly orders: OrderService,
    private readonly orderRules: OrderRulesService,
    private readonly rules: RuleService,
    private readonly courses: CourseService,
    private readonly units: UnitService,
    private readonly officers: OfficerService,
  ) {}

  @Get('hr/orders')
  @Roles('hr')
  @Page('hr/orders', 'hrRules.orders.title')
  async list(@Ctx() ctx: RequestContext, @Query('q') typedQ: unknown, @Query('page') typedPage: unknown) {
    const q = typeof typedQ === 'string' ? typedQ.trim() : '';
    const page = pageNumberOf(typedPage);
    const problems = [
      ...(q.length > 100 ? [{ field: 'q', message: 'at most 100 characters' }] : []),
      ...(!Number.isInteger(page) || page < 1 || page > 10_000 ? [{ field: 'page', message: 'a page number' }] : []),
    ];
    if (problems.length) throw new ValidationFailed('The list filters are not valid', problems);
    const [found, titles] = await Promise.all([
      this.orders.list(ctx, { q: q || undefined, limit: ORDERS_PAGE, offset: (page - 1) * ORDERS_PAGE }),
      this.courseTitles(ctx),
    ]);
    const tallies = await this.rules.tallyByOrder(
      ctx,
      found.items.map((order) => order.id),
    );
    const orders = await Promise.all(
      found.items.map(async (order) => ({
        ...order,
        courses: order.courseIds.map((id) => titles.get(id) ?? { code: '', title: null }),
        audience: order.audience ? await this.orderAudience(ctx, order) : null,
        ...(tallies.get(order.id) ?? { rules: 0, enrolled: 0 }),
      })),
    );
    const href = (to: number) =>
      `/hr/orders?${new URLSearchParams({ ...(q ? { q } : {}), page: String(to) }).toString()}`;
    return { orders, total: found.total, q, pager: pagerOf(page, found.total, ORDERS_PAGE, href) };
  }

  @Get('hr/orders/new')
  @Roles('hr')
  @Page(ORDER_VIEW, ORDER_TITLE)
  async newOrder(@Ctx() ctx: RequestContext) {
    return { ...(await this.choices(ctx, {})), form: { values: { date: today() }, errors: {} } };
  }

  /** The audience's size before saving: the form shown again, filled in, with the count. */
  @Post('hr/orders/preview')
  @HttpCode(200)
  @Roles('hr')
  @Page(ORDER_VIEW, ORDER_TITLE)
  async previewOrder(@Ctx() ctx: RequestContext, @Body() body: Record<string, unknown>) {
    const model = () => this.choices(ctx, body);
    const form = await checkedForm(OrderForm, body, model);
    const { officers } = await this.rules.audienceSize(ctx, audienceOf(form));
    return { ...(await model()), form: { values: typedValues(body), errors: {} }, preview: { officers } };
  }

  /** Records the order; with courses, an audience and a deadline its rules and enrolments come in the same transaction. */
  @Post('hr/orders')
  @Roles('hr')
  @Form(ORDER_VIEW, ORDER_TITLE)
  async createOrder(@Ctx() ctx: RequestContext, @Body() body: Record<string, unknown>) {
    const model = () => this.choices(ctx, body);
    const form = await checkedForm(OrderForm, body, model);
    if (form.deadline && form.deadline < form.date)
      throw FormRejected.of(body, { deadline: 'hrRules.errors.deadlineBeforeDate' }, undefined, await model());
    const targeted = form.courseIds.length > 0;
    if (targeted && !form.deadline)
      throw FormRejected.of(body, { deadline: 'hrRules.errors.deadlineNeeded' }, undefined, await model());
    try {
      const order = await this.orderRules.create(ctx, {
        number: form.number,
        date: form.date,
        title: form.title,
        ...(form.issuingAuthority ? { issuingAuthority: form.issuingAuthority } : {}),
        courseIds: form.courseIds,
        ...(targeted ? { audience: audienceOf(form) } : {}),
        ...(form.deadline ? { deadline: form.deadline } : {}),
        ...(form.periodicityMonths ? { periodicityMonths: form.periodicityMonths } : {}),
      });
      return redirectTo(`/hr/orders/${order.id}`, 'orderCreated');
    } catch (error) {
      throw await this.refused(error, body, model);
    }
  }

  @Get('hr/orders/:id')
  @Roles('hr')
  @Page('hr/order', 'hrRules.order.title')
  async order(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.orderModel(ctx, id);
  }

  /**
   * Corrects an order of HR's own units (PATCH /orders/:id): its title, issuer
   * or deadline; only what was typed differently is sent. Orders from above
   * have no such form and are refused (404) by the service.
   */
  @Post('hr/orders/:id/edit')
  @Roles('hr')
  @Form('hr/order', 'hrRules.order.title')
  async editOrder(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const order = await this.orders.get(ctx, id);
    // The page shown again keeps what was typed in the correction form.
    const model = async () => {
      const page = await this.orderModel(ctx, id);
      return page.edit ? { ...page, edit: { ...page.edit, values: typedValues(body) } } : page;
    };
    const form = await checkedForm(OrderEditForm, body, model);
    if (form.deadline && form.deadline < order.date)
      throw FormRejected.of(body, { deadline: 'hrRules.errors.deadlineBeforeDate' }, undefined, await model());
    const changes = {
      ...(form.title !== order.title ? { title: form.title } : {}),
      ...(form.issuingAuthority && form.issuingAuthority !== order.issuingAuthority
        ? { issuingAuthority: form.issuingAuthority }
        : {}),
      ...(form.deadline && form.deadline !== order.deadline ? { deadline: form.deadline } : {}),
    };
    if (Object.keys(changes).length === 0) return redirectTo(`/hr/orders/${id}`, 'orderUnchanged');
    await this.orders.update(ctx, id, changes);
    return redirectTo(`/hr/orders/${id}`, 'orderChanged');
  }

  /** Retires one of the order's rules (DELETE /assignment-rules/:id): no one new is enrolled by it; its enrolments stay. */
  @Post('hr/orders/:id/rules/:ruleId/retire')
  @Roles('hr')
  @Form('hr/order', 'hrRules.order.title')
  async retireRule(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('ruleId', ParseUUIDPipe) ruleId: string,
  ) {
    const rule = await this.rules.get(ctx, ruleId);
    if (rule.orderId !== id) throw new NotFound('AssignmentRule', ruleId);
    try {
      await this.rules.retire(ctx, ruleId);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === (AssignmentsProblem.OrderFromAbove as string))) throw error;
      throw FormRejected.of({}, {}, 'hrRules.errors.orderFromAbove', await this.orderModel(ctx, id), 403);
    }
    return redirectTo(`/hr/orders/${id}#rules-title`, 'ruleRetired');
  }

  /** The order with its rules: those in force first, each with its retire form; retired ones kept for the record. */
  private async orderModel(ctx: RequestContext, id: string) {
    const order = await this.orders.get(ctx, id);
    const [{ items }, titles, { items: units }] = await Promise.all([
      this.rules.list(ctx, { orderId: id, includeRetired: 'true', limit: 100, offset: 0 }),
      this.courseTitles(ctx),
      this.units.list(ctx, { limit: 500, offset: 0 }),
    ]);
    const unitsById = new Map(units.map((unit) => [unit.id, { name: unit.name, names: unit.names }]));
    // HR corrects the orders of its own units; one issued above them is read-only here.
    const writable = await this.units.findInScope(ctx, order.unitId, ['hr']).then(
      () => true,
      (error: unknown) => {
        if (error instanceof NotFound) return false;
        throw error;
      },
    );
    const inForce = (rule: { retiredAt: Date | null }) => (rule.retiredAt ? 1 : 0);
    return {
      order,
      courses: order.courseIds.map((courseId) => titles.get(courseId) ?? { code: '', title: null }),
      audience: order.audience ? await this.orderAudience(ctx, order) : null,
      rules: [...items]
        .sort((a, b) => inForce(a) - inForce(b))
        .map((rule) => ({
          ...rule,
          courses: rule.courseIds.map((courseId) => ({
            ...(titles.get(courseId) ?? { code: '', title: null }),
            href: officersHref({ orderId: id, courseId }),
          })),
          units: rule.audience.unitIds.map((unitId) => unitsById.get(unitId) ?? { name: unitId, names: null }),
          retireAction: rule.retiredAt ? null : `/hr/orders/${id}/rules/${rule.id}/retire`,
        })),
      newRuleHref: `/hr/orders/${id}/rules/new`,
      complianceHref: officersHref({ orderId: id }),
      executionHref: `/hr/execution-reports?orderId=${id}`,
      edit: writable
        ? {
            action: `/hr/orders/${id}/edit`,
            values: {
              title: order.title,
              issuingAuthority: order.issuingAuthority ?? '',
              deadline: order.deadline ?? '',
            } as Record<string, string>,
          }
        : null,
    };
  }

  @Get('hr/orders/:id/rules/new')
  @Roles('hr')
  @Page(RULE_VIEW, RULE_TITLE)
  async newRule(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    const order = await this.orders.get(ctx, id);
    const values = order.deadline ? { dueDate: order.deadline } : {};
    return { order, ...(await this.choices(ctx, {})), form: { values, errors: {} } };
  }

  @Post('hr/orders/:id/rules/preview')
  @HttpCode(200)
  @Roles('hr')
  @Page(RULE_VIEW, RULE_TITLE)
  async previewRule(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const order = await this.orders.get(ctx, id);
    const model = async () => ({ order, ...(await this.choices(ctx, body)) });
    const form = await checkedForm(RuleForm, body, model);
    const { officers } = await this.rules.audienceSize(ctx, audienceOf(form));
    return { ...(await model()), form: { values: typedValues(body), errors: {} }, preview: { officers } };
  }

  /** A rule executing the order: its officers are enrolled at once (POST /assignment-rules). */
  @Post('hr/orders/:id/rules')
  @Roles('hr')
  @Form(RULE_VIEW, RULE_TITLE)
  async createRule(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const order = await this.orders.get(ctx, id);
    const model = async () => ({ order, ...(await this.choices(ctx, body)) });
    const form = await checkedForm(RuleForm, body, model);
    if (!form.dueDate === !form.dueInDays)
      throw FormRejected.of(body, { dueDate: 'hrRules.errors.oneDuePolicy' }, undefined, await model());
    try {
      await this.rules.create(ctx, {
        courseId: form.courseId,
        orderId: id,
        audience: audienceOf(form),
        ...(form.dueDate ? { dueDate: form.dueDate } : { dueInDays: form.dueInDays }),
        ...(form.recurrenceMonths ? { recurrenceMonths: form.recurrenceMonths } : {}),
      });
      return redirectTo(`/hr/orders/${id}`, 'ruleCreated');
    } catch (error) {
      throw await this.refused(error, body, model);
    }
  }

  /** A known refusal of the services as the form shown again with its message; anything else stays what it is. */
  private async refused(error: unknown, body: unknown, model: () => Promise<object>): Promise<unknown> {
    if (!(error instanceof Conflict)) return error;
    const errors: Record<string, string> =
      error.code === (AssignmentsProblem.OrderNumberTaken as string)
        ? { number: 'hrRules.errors.numberTaken' }
        : error.code === (AssignmentsProblem.RuleExists as string)
          ? { courseId: 'hrRules.errors.ruleExists' }
          : {};
    if (!Object.keys(errors).length) return error;
    return FormRejected.of(body, errors, undefined, (await model()) as Record<string, unknown>);
  }

  /**
   * The order's audience as its rules match it (units default to the order's);
   * an order issued above HR's units counts HR's own part of it.
   */
  private async orderAudience(ctx: RequestContext, order: OrderView): Promise<number> {
    const audience = order.audience ?? {};
    const unitIds = audience.unitIds?.length ? audience.unitIds : [order.unitId];
    try {
      return (await this.rules.audienceSize(ctx, { ...audience, unitIds })).officers;
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      return (await this.rules.audienceSize(ctx, { ...audience, unitIds: [] })).officers;
    }
  }

  /** Published courses by id, for titles. */
  private async courseTitles(ctx: RequestContext) {
    const { items } = await this.courses.list(ctx, { limit: 500, offset: 0 });
    return new Map(items.map((course) => [course.id, { code: course.code, title: course.title }]));
  }

  /** The form's choices (published courses, HR's units, service types, ranks), the ones sent checked again. */
  private async choices(ctx: RequestContext, body: Record<string, unknown>) {
    const check = (field: string) => {
      const chosen = new Set(sent(body[field]));
      return (value: string) => chosen.has(value);
    };
    const course = check('courseIds');
    const single = typeof body.courseId === 'string' ? body.courseId : '';
    const unit = check('unitIds');
    const service = check('serviceTypes');
    const rank = check('ranks');
    const { items: courses } = await this.courses.list(ctx, { limit: 500, offset: 0 });
    const { items: units } = await this.units.list(ctx, { limit: 500, offset: 0 });
    return {
      courses: courses
        .filter((item) => item.publishedVersionId)
        .map((item) => ({
          id: item.id,
          code: item.code,
          title: item.title,
          checked: course(item.id),
          selected: single === item.id,
        })),
      // The units checked come first: a long list scrolls, and what was chosen stays in sight.
      units: units
        .map((item) => ({ id: item.id, code: item.code, name: item.name, names: item.names, checked: unit(item.id) }))
        .sort((a, b) => Number(b.checked) - Number(a.checked)),
      serviceTypes: SERVICE_TYPES.map((value) => ({ value, checked: service(value) })),
      ranks: (await this.officers.ranks(ctx)).map((value, index) => ({ value, index, checked: rank(value) })),
    };
  }
}
