import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AnyRole, Ctx, RequestContext, ValidationFailed } from '@lms/core';
import { AllowLimited, AuthService, SecondFactorService } from '@lms/identity';
import { PasswordForm, SecondFactorForm } from '../forms/account.forms';
import { setSessionCookie } from '../http/cookies';
import { FormRejected } from '../http/form-rejected';
import { homeOf } from '../http/page-context';
import { Form, Page, redirectTo, WebController } from '../http/page.decorators';

/** The password change (forced at first sign-in when the account says so) and the second factor's enrolment. */
@WebController()
export class AccountController {
  constructor(
    private readonly auth: AuthService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Get('account/password')
  @AnyRole()
  @AllowLimited()
  @Page('pages/password', 'password.title')
  passwordPage() {
    return {};
  }

  @Post('account/password')
  @AnyRole()
  @AllowLimited()
  @Form('pages/password', 'password.title')
  async changePassword(
    @Body() form: PasswordForm,
    @Ctx() ctx: RequestContext,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (form.repeatPassword !== form.newPassword) throw FormRejected.of({}, { repeatPassword: 'errors.mismatch' });
    if (form.newPassword === form.currentPassword) throw FormRejected.of({}, { newPassword: 'errors.sameAsCurrent' });
    try {
      const token = await this.auth.changePassword(ctx, form.currentPassword, form.newPassword);
      // Every older token (this cookie's included) stopped working: the session goes on with the new one.
      setSessionCookie(request, response, token.accessToken, token.expiresIn);
    } catch (error) {
      if (error instanceof ValidationFailed || (error as { code?: string }).code === 'wrong-current-password') {
        throw FormRejected.of({}, { currentPassword: 'errors.wrongCurrentPassword' });
      }
      throw error;
    }
    // The front door sends on to the second factor's enrolment when the role policy still requires it.
    return redirectTo('/', 'passwordChanged');
  }

  @Get('account/second-factor')
  @AnyRole()
  @AllowLimited('mfa-enrolment')
  @Page('pages/second-factor', 'secondFactor.title')
  async secondFactorPage(@Ctx() ctx: RequestContext) {
    const actor = ctx.actor!;
    const enrolment =
      (await this.secondFactor.pending(actor.userId, actor.username)) ??
      (await this.secondFactor.begin(ctx, actor.userId, actor.username));
    return { qrCode: enrolment.qrCode, secret: enrolment.secret };
  }

  /** Confirms the code and shows the recovery codes, this once. */
  @Post('account/second-factor')
  @AnyRole()
  @AllowLimited('mfa-enrolment')
  @Page('pages/recovery-codes', 'secondFactor.recoveryTitle')
  async confirmSecondFactor(@Body() form: SecondFactorForm, @Ctx() ctx: RequestContext) {
    const actor = ctx.actor!;
    try {
      const { recoveryCodes } = await this.secondFactor.confirm(ctx, actor, form.code, form.currentPassword);
      return { recoveryCodes, home: homeOf(actor) };
    } catch (error) {
      const wrongPassword = (error as { code?: string }).code === 'wrong-current-password';
      if (!(error instanceof ValidationFailed) && !wrongPassword) throw error;
      const enrolment = await this.secondFactor.pending(actor.userId, actor.username);
      const fields: Record<string, string> = wrongPassword
        ? { currentPassword: 'errors.wrongCurrentPassword' }
        : { code: 'errors.codeMismatch' };
      const rejected = FormRejected.of({}, fields, undefined, {
        qrCode: enrolment?.qrCode,
        secret: enrolment?.secret,
      });
      rejected.page = { kind: 'page', view: 'pages/second-factor', title: 'secondFactor.title' };
      throw rejected;
    }
  }
}
