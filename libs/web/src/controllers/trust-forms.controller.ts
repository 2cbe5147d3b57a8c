import { Body, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Ctx, RequestContext, Roles, ValidationFailed } from '@lms/core';
import { ListUnitsQuery, UnitService } from '@lms/personnel';
import { COMPLAINT_CATEGORIES, COMPLAINT_OUTCOMES, ComplaintService, SurveyService, TrustProblem } from '@lms/trust';
import { ComplaintForm, SurveyOpenForm } from '../forms/trust.forms';
import { FormRejected } from '../http/form-rejected';
import { Action, Form, Page, redirectTo, WebController } from '../http/page.decorators';
import { checkedForm } from '../trust/public-form';
import { feedbackCard } from './feedback.controller';

const COMPLAINT_VIEW = 'trust/complaint-form';
const COMPLAINT_TITLE = 'trust.complaintForm.title';
const SURVEY_VIEW = 'trust/survey-form';
const SURVEY_TITLE = 'trust.surveyForm.title';
/** The register's lookups refused: the API's field, the form's field and its message. */
const LOOKUP_MESSAGES: Record<string, [string, string]> = {
  unitCode: ['unit', 'trust.errors.noSuchUnit'],
  personnelNumber: ['personnelNumber', 'trust.errors.noSuchOfficer'],
};

/** Today in Almaty, as the form's default day. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
const originOf = (request: Request) => `${request.protocol}://${request.get('host')}`;

/** HR's forms beside the trust indicators: one complaint of the register, and a population survey opened and closed. */
@WebController()
export class TrustFormsController {
  constructor(
    private readonly complaints: ComplaintService,
    private readonly surveys: SurveyService,
    private readonly units: UnitService,
  ) {}

  @Get('staff/trust/complaints/new')
  @Roles('hr')
  @Page(COMPLAINT_VIEW, COMPLAINT_TITLE)
  complaintPage() {
    return { ...complaintChoices(), form: { values: { date: today() }, errors: {} } };
  }

  /** Recorded like a line of the register (same checks and scope, the refresher rules run); all or nothing. */
  @Post('staff/trust/complaints')
  @Roles('hr')
  @Form(COMPLAINT_VIEW, COMPLAINT_TITLE)
  async recordComplaint(@Ctx() ctx: RequestContext, @Body() body: Record<string, unknown>) {
    const form = await checkedForm(ComplaintForm, body, () => Promise.resolve(complaintChoices()));
    try {
      const { unit, ...fields } = form;
      const recorded = await this.complaints.record(ctx, { ...fields, unitCode: unit });
      return redirectTo('/staff/trust', recorded.refreshersAssigned ? 'complaintRefresher' : 'complaintRecorded');
    } catch (error) {
      if (error instanceof ValidationFailed && error.code === (TrustProblem.ComplaintInvalid as string)) {
        const errors = Object.fromEntries(
          error.errors.map((problem) => LOOKUP_MESSAGES[problem.field] ?? [problem.field, 'errors.invalid']),
        );
        throw FormRejected.of(body, errors, undefined, complaintChoices());
      }
      throw error;
    }
  }

  @Get('staff/trust/surveys/new')
  @Roles('hr')
  @Page(SURVEY_VIEW, SURVEY_TITLE)
  async surveyPage(@Ctx() ctx: RequestContext) {
    return { ...(await this.surveyChoices(ctx)), form: { values: { opensOn: today() }, errors: {} } };
  }

  @Post('staff/trust/surveys')
  @Roles('hr')
  @Form(SURVEY_VIEW, SURVEY_TITLE)
  async openSurvey(@Ctx() ctx: RequestContext, @Body() body: Record<string, unknown>, @Req() request: Request) {
    const model = () => this.surveyChoices(ctx);
    const form = await checkedForm(SurveyOpenForm, body, model);
    if (form.closesOn < form.opensOn) {
      throw FormRejected.of(body, { closesOn: 'trust.errors.closesBeforeOpens' }, undefined, await model());
    }
    const title = { kk: form.title_kk, ru: form.title_ru, ...(form.title_en ? { en: form.title_en } : {}) };
    const survey = await this.surveys.create(
      ctx,
      { unitId: form.unitId, title, opensOn: form.opensOn, closesOn: form.closesOn },
      originOf(request),
    );
    return redirectTo(`/staff/trust/surveys/${survey.id}`, 'surveyOpened');
  }

  /** A survey: its public link and QR code to print, whether it takes answers, its results (shares from 5 answers). */
  @Get('staff/trust/surveys/:id')
  @Roles('hr')
  @Page('trust/survey-admin', 'trust.surveyForm.survey')
  async surveyAdmin(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Req() request: Request) {
    const results = await this.surveys.results(ctx, id, originOf(request));
    const { survey } = results;
    const day = today();
    const open = !survey.closedAt && survey.opensOn <= day && day <= survey.closesOn;
    return { results, survey, open, card: await feedbackCard(survey.url, survey.code) };
  }

  @Post('staff/trust/surveys/:id/close')
  @Roles('hr')
  @Action()
  async closeSurvey(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Req() request: Request) {
    await this.surveys.close(ctx, id, originOf(request));
    return redirectTo(`/staff/trust/surveys/${id}`, 'surveyClosed');
  }

  /** The units HR may open a survey for: its subtrees, regions first. */
  private async surveyChoices(ctx: RequestContext) {
    const units = await this.units.list(ctx, Object.assign(new ListUnitsQuery(), { limit: 200, offset: 0 }));
    return { units: units.items.map((unit) => ({ id: unit.id, code: unit.code, name: unit.name })) };
  }
}

function complaintChoices() {
  return { categories: COMPLAINT_CATEGORIES, outcomes: COMPLAINT_OUTCOMES };
}
