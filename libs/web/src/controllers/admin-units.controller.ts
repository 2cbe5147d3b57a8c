import type { Request, Response } from 'express';
import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { Ctx, DomainError, RequestContext, Roles } from '@lms/core';
import { UnitService, UnitTreeNode, unitNameIn } from '@lms/personnel';
import { unitOptions } from '../admin/unit-options';
import { FormRejected } from '../http/form-rejected';
import { PageContext, PageContextService } from '../http/page-context';
import { Form, Page, redirectTo, WebController } from '../http/page.decorators';
import { PageCtx } from '../http/page-params';
import { field, FormBody, textOf } from '../trainer/editor-forms';

const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;

/** The administrator's tab bar, shared by every admin page. */
export const ADMIN_TABS = [
  { href: '/admin/units', key: 'admin.units.title' },
  { href: '/admin/users', key: 'admin.users.title' },
  { href: '/admin/policies', key: 'admin.policies.title' },
  { href: '/admin/audit', key: 'admin.audit.title' },
];
export const adminTabs = (current: string) => ADMIN_TABS.map((tab) => ({ ...tab, current: tab.href === current }));

/** Names typed in kk/ru/en: Kazakh and Russian required, 300 characters at most. */
function namesOf(body: FormBody, errors: Record<string, string>) {
  const names = textOf(body, 'names');
  for (const lang of ['kk', 'ru'] as const) if (!names[lang]) errors[`names_${lang}`] = 'errors.required';
  for (const lang of ['kk', 'ru', 'en'] as const) {
    if ((names[lang] ?? '').length > 300) errors[`names_${lang}`] = 'errors.tooLong|300';
  }
  return names as { kk: string; ru: string; en?: string };
}

/**
 * Units for administrators: the tree of their subtree, and for one unit its
 * rename (kk/ru/en), move and a new unit under it. The UnitService's rules
 * apply: a unit outside the admin's subtree is 404.
 */
@WebController()
export class AdminUnitsController {
  constructor(
    private readonly units: UnitService,
    private readonly pages: PageContextService,
  ) {}

  /** The admin's highest unit and its tree. */
  private async tree(ctx: RequestContext): Promise<UnitTreeNode> {
    return this.units.subtree(ctx, await this.units.defaultUnit(ctx, []));
  }

  @Get('admin')
  @Roles('admin')
  @Page('admin/units', 'admin.units.title')
  home(@Ctx() ctx: RequestContext, @PageCtx() page: PageContext) {
    return this.list(ctx, page);
  }

  @Get('admin/units')
  @Roles('admin')
  @Page('admin/units', 'admin.units.title')
  async list(@Ctx() ctx: RequestContext, @PageCtx() page: PageContext) {
    const tree = await this.tree(ctx);
    return { tabs: adminTabs('/admin/units'), tree: named(tree, page) };
  }

  @Get('admin/units/:id')
  @Roles('admin')
  @Page('admin/unit', 'admin.unit.title')
  async unit(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @PageCtx() page: PageContext) {
    return this.unitModel(ctx, id, page);
  }

  private async unitModel(ctx: RequestContext, id: string, page: PageContext, keepForm = false) {
    const unit = await this.units.get(ctx, id);
    await this.units.findInScope(ctx, id, []);
    const name = unitNameIn(unit, page.lang);
    page.title = `${name} · ${page.t('admin.unit.title')}`;
    const tree = await this.tree(ctx);
    return {
      tabs: adminTabs('/admin/units'),
      unit: { ...unit, label: name },
      ancestors: unit.ancestors.map((a) => ({ ...a, label: unitNameIn(a, page.lang) })),
      children: unit.children.map((c) => ({ ...c, label: unitNameIn(c, page.lang) })),
      parents: unit.parentId ? unitOptions(tree, page.lang, unit.parentId, unit.id) : null,
      ...(keepForm
        ? {}
        : {
            form: {
              values: {
                names_kk: unit.names.kk ?? unit.name,
                names_ru: unit.names.ru ?? unit.name,
                names_en: unit.names.en ?? '',
              },
              errors: {},
            },
          }),
    };
  }

  @Post('admin/units/:id/rename')
  @Roles('admin')
  @Form('admin/unit', 'admin.unit.title')
  async rename(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FormBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const page = await this.pages.of(request, response);
    const errors: Record<string, string> = {};
    const names = namesOf(body, errors);
    if (Object.keys(errors).length)
      throw FormRejected.of(body, errors, undefined, await this.unitModel(ctx, id, page, true));
    await this.units.update(ctx, id, { names });
    return redirectTo(`/admin/units/${id}`, 'adminUnitRenamed');
  }

  @Post('admin/units/:id/move')
  @Roles('admin')
  @Form('admin/unit', 'admin.unit.title')
  async move(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FormBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const page = await this.pages.of(request, response);
    const parentId = field(body, 'parentId');
    if (!/^[0-9a-f-]{36}$/i.test(parentId)) {
      throw FormRejected.of(body, { parentId: 'errors.required' }, undefined, await this.unitModel(ctx, id, page));
    }
    await this.units.update(ctx, id, { parentId });
    return redirectTo(`/admin/units/${id}`, 'adminUnitMoved');
  }

  @Post('admin/units/:id/children')
  @Roles('admin')
  @Form('admin/unit', 'admin.unit.title')
  async create(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FormBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const page = await this.pages.of(request, response);
    const errors: Record<string, string> = {};
    const code = field(body, 'code').trim();
    if (!UNIT_CODE.test(code)) errors.code = 'errors.courseCode';
    const names = textOf(body, 'child');
    for (const lang of ['kk', 'ru'] as const) if (!names[lang]) errors[`child_${lang}`] = 'errors.required';
    const model = async () => this.unitModel(ctx, id, page);
    if (Object.keys(errors).length) throw FormRejected.of(body, errors, undefined, await model());
    try {
      const localized = names as { kk: string; ru: string; en?: string };
      const created = await this.units.create(ctx, { code, name: localized.ru, names: localized, parentId: id });
      return redirectTo(`/admin/units/${created.id}`, 'adminUnitCreated');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'unit-code-taken') {
        throw FormRejected.of(body, { code: 'errors.unitCodeTaken' }, undefined, await model());
      }
      throw error;
    }
  }
}

type NamedNode = UnitTreeNode & { label: string; children: NamedNode[] };

/** Every node of a tree with its name in the page's language. */
function named(node: UnitTreeNode, page: PageContext): NamedNode {
  return { ...node, label: unitNameIn(node, page.lang), children: node.children.map((c) => named(c, page)) };
}
