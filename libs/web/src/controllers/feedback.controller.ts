import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toString as qrSvg } from 'qrcode';
import { Ctx, Public, RequestContext, Roles } from '@lms/core';
import { OfficerService } from '@lms/personnel';
import { FEEDBACK_PATH, FeedbackService, printPublicCode } from '@lms/trust';
import { FeedbackForm } from '../forms/trust.forms';
import { PageContextService } from '../http/page-context';
import { Form, Page, redirectTo, WebController } from '../http/page.decorators';
import { checkedForm, humanCheckRejected } from '../trust/public-form';

const FORM_VIEW = 'trust/feedback';
const FORM_TITLE = 'trust.feedback.title';

/** The printable card: the officer's code, its address and its QR code (an SVG of paths drawn from our own URL). */
export async function feedbackCard(url: string, code: string) {
  return {
    url,
    code: printPublicCode(code),
    qr: await qrSvg(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
  };
}

/**
 * The citizen's side of feedback (public, anonymous, in kk, ru or en) and
 * the officer's and HR's printable card with the QR code that opens it.
 */
@WebController()
export class FeedbackPagesController {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly pages: PageContextService,
    private readonly officers: OfficerService,
  ) {}

  @Get('f/:code')
  @Public()
  @Page(FORM_VIEW, FORM_TITLE)
  async form(@Param('code') code: string) {
    return this.feedback.open(code);
  }

  @Post('f/:code')
  @Public()
  @Form(FORM_VIEW, FORM_TITLE)
  async submit(
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { lang } = await this.pages.of(request, response);
    const model = () => this.feedback.open(code);
    const form = await checkedForm(FeedbackForm, body, model);
    try {
      const comment = form.comment || undefined;
      await this.feedback.submit(code, { ...form, language: lang, comment }, request.ip ?? 'unknown');
    } catch (error) {
      throw await humanCheckRejected(error, body, model);
    }
    return redirectTo(`${FEEDBACK_PATH}${code}/thanks`);
  }

  @Get('f/:code/thanks')
  @Public()
  @Page('trust/thanks', 'trust.feedback.thanksTitle')
  thanks() {
    return {};
  }

  /** The officer's own card and what citizens said. */
  @Get('me/feedback')
  @Roles('officer')
  @Page('trust/mine', 'trust.mine.title')
  async mine(@Ctx() ctx: RequestContext, @Req() request: Request) {
    const officerId = ctx.actor?.officerId;
    if (!officerId) return { card: null, summary: null };
    const code = await this.feedback.codeFor(ctx, officerId, origin(request));
    return { card: await feedbackCard(code.url, code.code), summary: await this.feedback.summary(ctx, officerId) };
  }

  /** HR prints an officer's card (their subtree; otherwise 404). */
  @Get('staff/officers/:id/feedback-card')
  @Roles('hr')
  @Page('trust/card', 'trust.card.title')
  async card(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Req() request: Request) {
    const code = await this.feedback.codeFor(ctx, id, origin(request));
    const officer = await this.officers.get(ctx, id);
    return {
      officer,
      card: await feedbackCard(code.url, code.code),
      summary: await this.feedback.summary(ctx, id),
    };
  }
}

function origin(request: Request): string {
  return `${request.protocol}://${request.get('host')}`;
}
