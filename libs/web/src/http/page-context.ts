import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Language, LANGUAGES, RequestContext, RequestWithContext, requestIdOf } from '@lms/core';
import { AuthenticatedActor, TokenLimit, UserService } from '@lms/identity';
import { OfficerService, UnitService } from '@lms/personnel';
import { DEFAULT_TIME_ZONE, Formats, formats } from '../i18n/format';
import { fromAcceptLanguage, isLanguage, Translate, translator } from '../i18n/i18n';
import { cookie, LANGUAGE_COOKIE } from './cookies';
import { CsrfTokens } from './csrf';
import { ASSET_VERSION } from './assets';

export interface NavItem {
  href: string;
  label: string;
  current: boolean;
}

export interface PageUser {
  username: string;
  /** The officer's full name, else the username. */
  name: string;
  officerId: string | null;
  isOfficer: boolean;
  isStaff: boolean;
  /** The roles granted, for the menu and the staff home's links. */
  roles: string[];
  /** HR (or admin): sees the trust indicators of its subtree. */
  isHr: boolean;
  limit: TokenLimit | null;
}

/** Everything a template may use besides its own model: `{{@page.lang}}`, `{{t "key"}}`, the menu, the form token. */
export interface PageContext {
  lang: Language;
  languages: { code: Language; label: string; short: string; current: boolean }[];
  /** Appended to asset URLs: a new release is never served from a stale cache. */
  assetVersion: string;
  timeZone: string;
  t: Translate;
  format: Formats;
  csrfToken: string;
  /** The path and query of this page, for the language switcher to come back to. */
  path: string;
  user: PageUser | null;
  nav: NavItem[];
  home: string;
  title: string;
  notice: string | null;
  requestId: string | null;
}

const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
const LANGUAGE_SHORT: Record<Language, string> = { kk: 'ҚАЗ', ru: 'РУС', en: 'ENG' };
const STAFF_ROLES = new Set(['trainer', 'hr', 'admin']);

/** Where a signed-in user starts: staff their home, officers their training. */
export function homeOf(user: { roles: { role: string }[] } | null): string {
  if (!user) return '/sign-in';
  return user.roles.some((grant) => STAFF_ROLES.has(grant.role)) ? '/staff' : '/me/training';
}

/**
 * Builds the page context of a request: who is signed in, in which language
 * (the account's choice, else the officer's language, else the browser's
 * cookie or Accept-Language, else Russian), in which time zone (the unit's),
 * with a fresh form token. Built once per request.
 */
@Injectable()
export class PageContextService {
  constructor(
    private readonly users: UserService,
    private readonly officers: OfficerService,
    private readonly units: UnitService,
    private readonly csrf: CsrfTokens,
  ) {}

  async of(request: Request, response: Response, titleKey?: string): Promise<PageContext> {
    const cached = (request as { lmsPage?: PageContext }).lmsPage;
    if (cached) return cached;
    const ctx = (request as RequestWithContext).lmsContext;
    const actor = (request as { user?: AuthenticatedActor }).user ?? null;
    const who = ctx?.actor ? await this.describe(ctx, actor?.limit ?? null) : null;
    const lang =
      who?.language ?? languageCookie(request) ?? fromAcceptLanguage(request.headers['accept-language']) ?? 'ru';
    const t = translator(lang);
    const path = request.originalUrl.startsWith('/') ? request.originalUrl : '/';
    const page: PageContext = {
      lang,
      languages: LANGUAGES.map((code) => ({
        code,
        label: LANGUAGE_NAMES[code],
        short: LANGUAGE_SHORT[code],
        current: code === lang,
      })),
      assetVersion: ASSET_VERSION,
      timeZone: who?.timeZone ?? DEFAULT_TIME_ZONE,
      t,
      format: formats(lang, who?.timeZone ?? DEFAULT_TIME_ZONE),
      csrfToken: this.csrf.issue(request, response),
      path,
      user: who?.user ?? null,
      nav: navigation(who?.user ?? null, request.path, t),
      home: homeOf(ctx?.actor ?? null),
      title: titleKey ? t(titleKey) : t('app.name'),
      notice: noticeOf(request, t),
      requestId: requestIdOf(request),
    };
    (request as { lmsPage?: PageContext }).lmsPage = page;
    return page;
  }

  private async describe(ctx: RequestContext, limit: TokenLimit | null) {
    const actor = ctx.actor!;
    const unitOf = (unitId: string | undefined) =>
      unitId ? this.units.findInScope(RequestContext.system(), unitId).catch(() => null) : null;
    // Asked at once: the account, and the officer's record (with its unit's time zone) or a staff grant's unit.
    const [account, officer, staffUnit] = await Promise.all([
      this.users.byId(actor.userId),
      actor.officerId ? this.officers.findInScope(ctx, actor.officerId).catch(() => null) : null,
      actor.officerId ? null : unitOf(actor.roles[0]?.unitId),
    ]);
    // An officer's record out of reach (none, or moved away): the first grant's unit, as for staff.
    const unit = officer ? { timezone: officer.unit_timezone } : (staffUnit ?? (await unitOf(actor.roles[0]?.unitId)));
    const user: PageUser = {
      username: actor.username,
      name: officer?.full_name ?? account?.display_name ?? actor.username,
      officerId: actor.officerId,
      isOfficer: actor.officerId !== null && actor.roles.some((grant) => grant.role === 'officer'),
      isStaff: actor.roles.some((grant) => STAFF_ROLES.has(grant.role)),
      roles: [...new Set(actor.roles.map((grant) => grant.role))],
      isHr: actor.roles.some((grant) => grant.role === 'hr' || grant.role === 'admin'),
      limit,
    };
    const chosen = account?.language;
    return {
      user,
      language: isLanguage(chosen) ? chosen : (officer?.language ?? null),
      timeZone: unit?.timezone ?? DEFAULT_TIME_ZONE,
    };
  }
}

function languageCookie(request: Request): Language | null {
  const value = cookie(request, LANGUAGE_COOKIE);
  return isLanguage(value) ? value : null;
}

/** `?notice=seatBooked` after a redirect: shown once, only for keys we have. */
function noticeOf(request: Request, t: Translate): string | null {
  const key = request.query.notice;
  if (typeof key !== 'string' || !/^[a-zA-Z]{1,40}$/.test(key)) return null;
  const text = t(`notice.${key}`);
  return text === `notice.${key}` ? null : text;
}

function navigation(user: PageUser | null, path: string, t: Translate): NavItem[] {
  if (!user || user.limit) return [];
  const items: { href: string; key: string }[] = [];
  if (user.isStaff) items.push({ href: '/staff', key: 'nav.staff' });
  if (user.roles.includes('hr')) {
    items.push({ href: '/hr', key: 'nav.dashboard' }, { href: '/hr/compliance', key: 'nav.compliance' });
    items.push({ href: '/hr/officers', key: 'nav.officers' });
    items.push({ href: '/hr/orders', key: 'nav.orders' });
    items.push({ href: '/hr/seminars', key: 'nav.seminarSchedule' });
    items.push({ href: '/hr/execution-reports', key: 'nav.executionReports' });
  }
  if (user.roles.includes('trainer')) {
    items.push({ href: '/trainer/courses', key: 'nav.courses' }, { href: '/trainer/sessions', key: 'nav.sessions' });
  }
  if (user.isHr) items.push({ href: '/staff/trust', key: 'trust.dashboard.nav' });
  if (user.roles.includes('admin')) items.push({ href: '/admin', key: 'nav.admin' });
  if (user.isOfficer) {
    items.push(
      { href: '/me/training', key: 'nav.training' },
      { href: '/me/seminars', key: 'nav.seminars' },
      { href: '/me/results', key: 'nav.results' },
      { href: '/me/certificates', key: 'nav.certificates' },
      { href: '/me/feedback', key: 'trust.mine.nav' },
    );
  }
  return items.map((item) => ({
    href: item.href,
    label: t(item.key),
    current: path === item.href || (item.href !== '/hr' && path.startsWith(`${item.href}/`)),
  }));
}
