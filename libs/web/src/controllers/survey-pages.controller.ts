import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@lms/core';
import {
  DISTRUST_REASONS,
  OFFICER_QUALITIES,
  OPINION_SOURCES,
  SURVEY_PATH,
  SURVEY_TRUST_LEVELS,
  SurveyService,
} from '@lms/trust';
import { SurveyForm } from '../forms/trust.forms';
import { PageContextService } from '../http/page-context';
import { Form, Page, redirectTo, WebController } from '../http/page.decorators';
import { checkedForm, humanCheckRejected } from '../trust/public-form';

const VIEW = 'trust/survey';
const TITLE = 'trust.survey.title';

/** The population survey's public questionnaire (anonymous, in kk, ru or en). */
@WebController()
export class SurveyPagesController {
  constructor(
    private readonly surveys: SurveyService,
    private readonly pages: PageContextService,
  ) {}

  @Get('s/:code')
  @Public()
  @Page(VIEW, TITLE)
  async form(@Param('code') code: string) {
    return this.model(code);
  }

  @Post('s/:code')
  @Public()
  @Form(VIEW, TITLE)
  async submit(
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { lang } = await this.pages.of(request, response);
    const model = () => this.model(code);
    const form = await checkedForm(SurveyForm, body, model);
    try {
      await this.surveys.submit(code, { ...form, language: lang }, request.ip ?? 'unknown');
    } catch (error) {
      throw await humanCheckRejected(error, body, model);
    }
    return redirectTo(`${SURVEY_PATH}${code}/thanks`);
  }

  @Get('s/:code/thanks')
  @Public()
  @Page('trust/thanks', 'trust.survey.thanksTitle')
  thanks() {
    return { survey: true };
  }

  private async model(code: string) {
    return {
      ...(await this.surveys.open(code)),
      levels: SURVEY_TRUST_LEVELS,
      reasons: DISTRUST_REASONS,
      sources: OPINION_SOURCES,
      qualities: OFFICER_QUALITIES,
    };
  }
}
