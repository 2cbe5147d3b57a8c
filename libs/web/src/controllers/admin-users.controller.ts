import type { Request, Response } from 'express';
import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res, Query } from '@nestjs/common';
import { Ctx, DomainError, RequestContext, Role, ROLES, Roles, ValidationFailed } from '@lms/core';
import { normalizeUsername, USERNAME, UserService } from '@lms/identity';
import { UnitService } from '@lms/personnel';
import { unitOptions } from '../admin/unit-options';
import { FormRejected } from '../http/form-rejected';
import { PageContext, PageContextService } from '../http/page-context';
import { Action, Form, Page, redirectTo, WebController } from '../http/page.decorators';
import { PageCtx } from '../http/page-params';
import { field, FormBody } from '../trainer/editor-forms';
import { adminTabs } from './admin-units.controller';

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * Accounts for administrators: the list and search within their subtree, a
 * new account, and one account's display name, role grants (granted and
 * withdrawn only within the admin's units: the UserService refuses others),
 * disabling and a second-factor reset.
 */
@WebController()
export class AdminUsersController {
  constructor(
    private readonly users: UserService,
    private readonly units: UnitService,
    private readonly pages: PageContextService,
  ) {}

  @Get('admin/users')
  @Roles('admin')
  @Page('admin/users', 'admin.users.title')
  async list(@Ctx() ctx: RequestContext, @Query() query: Record<string, unknown>, @PageCtx() page: PageContext) {
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 64) : '';
    const role = typeof query.role === 'string' && isRole(query.role) ? query.role : undefined;
    const offset = Math.max(0, Math.min(1_000_000, Number(query.offset) || 0));
    const result = await this.users.list(ctx, { q: q || undefined, role, limit: PAGE_SIZE, offset });
    const link = (to: number) =>
      `/admin/users?${new URLSearchParams({ q, role: role ?? '', offset: String(to) }).toString()}`;
    return {
      tabs: adminTabs('/admin/users'),
      q,
      roles: ROLES.map((r) => ({ value: r, selected: r === role })),
      users: await this.withUnitNames(result.items, page),
      total: result.total,
      previous: offset > 0 ? link(Math.max(0, offset - PAGE_SIZE)) : null,
      next: offset + PAGE_SIZE < result.total ? link(offset + PAGE_SIZE) : null,
      units: unitOptions(await this.tree(ctx), page.lang),
    };
  }

  @Post('admin/users')
  @Roles('admin')
  @Form('admin/users', 'admin.users.title')
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: FormBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const page = await this.pages.of(request, response);
    const username = String(normalizeUsername(field(body, 'username')));
    const displayName = field(body, 'displayName').trim();
    const password = field(body, 'password');
    const role = field(body, 'role');
    const unitId = field(body, 'unitId');
    const errors: Record<string, string> = {};
    if (!USERNAME.test(username)) errors.username = 'errors.username';
    if (displayName.length > 200) errors.displayName = 'errors.tooLong|200';
    if (password.length < 10) errors.password = 'errors.tooShort|10';
    if (password.length > 200) errors.password = 'errors.tooLong|200';
    if (!isRole(role)) errors.role = 'errors.required';
    if (!UUID.test(unitId)) errors.unitId = 'errors.required';
    const again = async (fields: Record<string, string>) =>
      FormRejected.of(body, fields, undefined, await this.list(ctx, {}, page));
    if (Object.keys(errors).length) throw await again(errors);
    try {
      const user = await this.users.create(ctx, {
        username,
        password,
        displayName: displayName || undefined,
        roles: [{ role: role as Role, unitId }],
        mustChangePassword: true,
      });
      return redirectTo(`/admin/users/${user.id}`, 'adminUserCreated');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'username-taken')
        throw await again({ username: 'errors.usernameTaken' });
      throw error;
    }
  }

  @Get('admin/users/:id')
  @Roles('admin')
  @Page('admin/user', 'admin.user.title')
  async user(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @PageCtx() page: PageContext) {
    const row = await this.users.findInScope(ctx, id);
    const [user] = await this.withUnitNames([await this.users.get(ctx, id)], page);
    const mine = ctx.subtrees();
    const inMine = (path: string) => mine === null || mine.some((p) => path.startsWith(p));
    const paths = new Map(row.roles.map((g) => [`${g.role}:${g.unitId}`, g.unitPath]));
    page.title = `${user.displayName} · ${page.t('admin.user.title')}`;
    return {
      tabs: adminTabs('/admin/users'),
      user: {
        ...user,
        grants: user.grants.map((g) => ({ ...g, mine: inMine(paths.get(`${g.role}:${g.unitId}`) ?? '') })),
      },
      roles: ROLES.map((r) => ({ value: r })),
      units: unitOptions(await this.tree(ctx), page.lang),
      form: { values: { displayName: row.display_name ?? '' }, errors: {} },
    };
  }

  @Post('admin/users/:id/name')
  @Roles('admin')
  @Form('admin/user', 'admin.user.title')
  async rename(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FormBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const page = await this.pages.of(request, response);
    const displayName = field(body, 'displayName').trim();
    if (displayName.length > 200) {
      const model = await this.user(ctx, id, page);
      throw FormRejected.of(body, { displayName: 'errors.tooLong|200' }, undefined, { ...model, form: undefined });
    }
    await this.users.update(ctx, id, { displayName });
    return redirectTo(`/admin/users/${id}`, 'adminUserSaved');
  }

  /** Grants a role for a unit: the admin's grants in scope plus the new one (a unit outside the admin's: 404). */
  @Post('admin/users/:id/grants')
  @Roles('admin')
  @Action()
  async grant(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    const grant = this.grantOf(body);
    const kept = await this.grantsInScope(ctx, id);
    await this.users.update(ctx, id, { roles: [...kept, grant] });
    return redirectTo(`/admin/users/${id}`, 'adminGranted');
  }

  @Post('admin/users/:id/grants/revoke')
  @Roles('admin')
  @Action()
  async revoke(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    const grant = this.grantOf(body);
    // A grant outside the admin's units is checked like a new one: refused (404), nothing changed.
    await this.units.findInScope(ctx, grant.unitId, []);
    const kept = (await this.grantsInScope(ctx, id)).filter((g) => g.role !== grant.role || g.unitId !== grant.unitId);
    await this.users.update(ctx, id, { roles: kept });
    return redirectTo(`/admin/users/${id}`, 'adminRevoked');
  }

  @Post('admin/users/:id/disable')
  @Roles('admin')
  @Action()
  async disable(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    await this.users.update(ctx, id, { disabled: true });
    return redirectTo(`/admin/users/${id}`, 'adminDisabled');
  }

  @Post('admin/users/:id/enable')
  @Roles('admin')
  @Action()
  async enable(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    await this.users.update(ctx, id, { disabled: false });
    return redirectTo(`/admin/users/${id}`, 'adminEnabled');
  }

  @Post('admin/users/:id/second-factor/reset')
  @Roles('admin')
  @Action()
  async resetSecondFactor(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    await this.users.update(ctx, id, { resetSecondFactor: true });
    return redirectTo(`/admin/users/${id}`, 'adminFactorReset');
  }

  private grantOf(body: FormBody): { role: Role; unitId: string } {
    const role = field(body, 'role');
    const unitId = field(body, 'unitId');
    if (!isRole(role) || !UUID.test(unitId)) {
      throw new ValidationFailed('A role and a unit are needed', [{ field: 'role', message: 'a role and a unit' }]);
    }
    return { role, unitId };
  }

  /** The user's grants within the caller's units (the update replaces exactly those). */
  private async grantsInScope(ctx: RequestContext, id: string) {
    const row = await this.users.findInScope(ctx, id);
    const mine = ctx.subtrees();
    return row.roles
      .filter((g) => mine === null || mine.some((p) => g.unitPath.startsWith(p)))
      .map((g) => ({ role: g.role, unitId: g.unitId }));
  }

  private async tree(ctx: RequestContext) {
    return this.units.subtree(ctx, await this.units.defaultUnit(ctx, []));
  }

  /** Each grant with its unit named in the page's language. */
  private async withUnitNames<T extends { roles: { role: Role; unitId: string }[] }>(users: T[], page: PageContext) {
    const names = await this.units.namesIn(
      users.flatMap((u) => u.roles.map((g) => g.unitId)),
      page.lang,
    );
    return users.map((u) => ({
      ...u,
      grants: u.roles.map((g) => ({ ...g, unitLabel: names.get(g.unitId) ?? '' })),
    }));
  }
}
