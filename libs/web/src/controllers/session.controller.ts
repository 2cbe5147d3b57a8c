import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AnyRole, Ctx, DomainError, Public, RequestContext } from '@lms/core';
import { AllowLimited, AuthenticatedActor, AuthService, UserService } from '@lms/identity';
import { LanguageForm, localPath, SignInForm } from '../forms/account.forms';
import { clearSessionCookie, setLanguageCookie, setSessionCookie } from '../http/cookies';
import { FormRejected } from '../http/form-rejected';
import { homeOf, PageContext } from '../http/page-context';
import { Action, Form, Page, redirectTo, WebController } from '../http/page.decorators';
import { PageCtx, SessionActor } from '../http/page-params';

const LIMITED_PAGES = { 'password-change': '/account/password', 'mfa-enrolment': '/account/second-factor' } as const;

/** Signing in and out, the front door, and the language switcher. */
@WebController()
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  /** Signed in: your home page (or the password change you still owe). Otherwise: the sign-in page. */
  @Get('/')
  @Public()
  @Action()
  front(@SessionActor() actor: AuthenticatedActor | null, @Query('notice') notice?: string) {
    const message = typeof notice === 'string' && /^[a-zA-Z]{1,40}$/.test(notice) ? notice : undefined;
    if (!actor) return redirectTo('/sign-in', message);
    if (actor.limit) return redirectTo(LIMITED_PAGES[actor.limit], message);
    return redirectTo(homeOf(actor), message);
  }

  @Get('sign-in')
  @Public()
  @Page('pages/sign-in', 'signIn.title')
  signInPage(@Query('next') next: string | undefined, @PageCtx() page: PageContext) {
    return { next: localPath(next), signedIn: page.user && !page.user.limit ? page.user : null };
  }

  @Post('sign-in')
  @Public()
  @Form('pages/sign-in', 'signIn.title')
  async signIn(
    @Body() form: SignInForm,
    @Ctx() ctx: RequestContext,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    let result: Awaited<ReturnType<AuthService['login']>>;
    try {
      result = await this.auth.login(ctx, { ...form, ip: request.ip ?? 'unknown' });
    } catch (error) {
      throw signInRejected(error, form);
    }
    setSessionCookie(request, response, result.accessToken, result.expiresIn);
    const limit = (result as { restrictedTo?: keyof typeof LIMITED_PAGES }).restrictedTo;
    if (limit) return redirectTo(LIMITED_PAGES[limit]);
    return redirectTo(localPath(form.next) ?? homeOf(result.user));
  }

  @Post('sign-out')
  @AnyRole()
  @AllowLimited()
  @Action()
  async signOut(
    @SessionActor() actor: AuthenticatedActor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.auth.logout(actor);
    clearSessionCookie(request, response);
    return redirectTo('/sign-in', 'signedOut');
  }

  /** Remembered in a cookie, and on the account when signed in. */
  @Post('language')
  @Public()
  @Action()
  async language(
    @Body() form: LanguageForm,
    @SessionActor() actor: AuthenticatedActor | null,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    setLanguageCookie(request, response, form.lang);
    if (actor) await this.users.setLanguage(actor.userId, form.lang);
    const back = localPath(form.back) ?? '/';
    return redirectTo(back.replace(/([?&])notice=[^&]*&?/, '$1').replace(/[?&]$/, ''));
  }
}

/** What the sign-in page says for each refusal, as the API's codes tell it. */
function signInRejected(error: unknown, form: SignInForm): unknown {
  if (!(error instanceof DomainError)) return error;
  const values = { username: form.username, next: form.next ?? '' };
  switch (error.code) {
    case 'invalid-credentials':
      return FormRejected.of(values, {}, 'signIn.wrong', { askSecondFactor: Boolean(form.totp || form.recoveryCode) });
    case 'second-factor-required':
      return FormRejected.of(values, {}, 'signIn.secondFactor', { askSecondFactor: true });
    case 'too-many-login-attempts': {
      const seconds = Number(error.extra.retryAfterSeconds ?? 600);
      return FormRejected.of(values, {}, `signIn.locked|${Math.max(1, Math.ceil(seconds / 60))}`, {}, 429);
    }
    default:
      return error;
  }
}
