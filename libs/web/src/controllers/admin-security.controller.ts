import { Body, Get, Post, Query } from '@nestjs/common';
import { AuditService, Ctx, RequestContext, ROLES, Roles, ValidationFailed } from '@lms/core';
import { RolePolicyService, UserService } from '@lms/identity';
import { PageContext } from '../http/page-context';
import { Action, Page, redirectTo, WebController } from '../http/page.decorators';
import { PageCtx } from '../http/page-params';
import { checked, FormBody } from '../trainer/editor-forms';
import { adminTabs } from './admin-units.controller';

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TOKEN = /^[a-z_][a-z0-9_.-]{0,59}$/i;

/** The audit filters as typed: each checked, a malformed one refused (400), nothing guessed. */
function auditFilters(query: Record<string, unknown>) {
  const text = (name: string) => (typeof query[name] === 'string' ? query[name].trim() : '');
  const filters = {
    actor: text('actor').toLowerCase(),
    action: text('action'),
    entity: text('entity'),
    from: text('from'),
    to: text('to'),
  };
  const problems = [
    ...(filters.actor.length > 64 ? [{ field: 'actor', message: 'at most 64 characters' }] : []),
    ...(filters.action && !TOKEN.test(filters.action) ? [{ field: 'action', message: 'an action name' }] : []),
    ...(filters.entity && !TOKEN.test(filters.entity) ? [{ field: 'entity', message: 'a record type' }] : []),
    ...(filters.from && !DAY.test(filters.from) ? [{ field: 'from', message: 'YYYY-MM-DD' }] : []),
    ...(filters.to && !DAY.test(filters.to) ? [{ field: 'to', message: 'YYYY-MM-DD' }] : []),
  ];
  if (problems.length) throw new ValidationFailed('The audit filters are not valid', problems);
  const offset = Math.max(0, Math.min(1_000_000, Number(query.offset) || 0));
  return { ...filters, offset };
}

/** The second-factor policy per role (and one's own second factor), and the audit trail of the admin's subtree. */
@WebController()
export class AdminSecurityController {
  constructor(
    private readonly policies: RolePolicyService,
    private readonly audit: AuditService,
    private readonly users: UserService,
  ) {}

  @Get('admin/policies')
  @Roles('admin')
  @Page('admin/policies', 'admin.policies.title')
  async policyPage(@Ctx() ctx: RequestContext) {
    const { items } = await this.policies.list({ limit: 50, offset: 0 });
    const me = await this.users.byId(ctx.actor!.userId);
    return {
      tabs: adminTabs('/admin/policies'),
      national: ctx.isNational(),
      policies: ROLES.map((role) => ({ role, required: items.some((p) => p.role === role && p.mfaRequired) })),
      mine: me?.totp_enabled ?? false,
    };
  }

  /** Every role's box at once; only an admin of the whole tree may (the service refuses others: 403). */
  @Post('admin/policies')
  @Roles('admin')
  @Action()
  async savePolicies(@Ctx() ctx: RequestContext, @Body() body: FormBody) {
    const { items } = await this.policies.list({ limit: 50, offset: 0 });
    for (const role of ROLES) {
      const wanted = checked(body, `mfa_${role}`);
      const held = items.some((p) => p.role === role && p.mfaRequired);
      if (wanted !== held || !ctx.isNational()) await this.policies.set(ctx, role, wanted);
    }
    return redirectTo('/admin/policies', 'adminPolicySaved');
  }

  @Get('admin/audit')
  @Roles('admin')
  @Page('admin/audit', 'admin.audit.title')
  async auditPage(@Ctx() ctx: RequestContext, @Query() query: Record<string, unknown>, @PageCtx() page: PageContext) {
    const filters = auditFilters(query);
    const actor = filters.actor ? await this.users.byUsername(filters.actor) : null;
    const unknownActor = Boolean(filters.actor) && !actor;
    const to = filters.to ? new Date(Date.parse(`${filters.to}T00:00:00Z`) + 24 * 3600 * 1000) : undefined;
    const result = unknownActor
      ? { items: [], total: 0 }
      : await this.audit.list(
          ctx.subtrees(),
          {
            actorId: actor?.id,
            action: filters.action || undefined,
            entityType: filters.entity || undefined,
            from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
            to,
            limit: PAGE_SIZE,
            offset: filters.offset,
          },
          ctx.isNational(),
        );
    const link = (offset: number) =>
      `/admin/audit?${new URLSearchParams({ ...filters, offset: String(offset) }).toString()}`;
    return {
      tabs: adminTabs('/admin/audit'),
      filters,
      unknownActor,
      events: result.items.map((e) => ({ ...e, actorName: e.actorName ?? page.t('admin.audit.system') })),
      total: result.total,
      previous: filters.offset > 0 ? link(Math.max(0, filters.offset - PAGE_SIZE)) : null,
      next: filters.offset + PAGE_SIZE < result.total ? link(filters.offset + PAGE_SIZE) : null,
    };
  }
}
