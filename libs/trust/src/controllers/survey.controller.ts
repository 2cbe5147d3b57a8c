import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblems, Ctx, PageOf, Public, RequestContext, Roles } from '@lms/core';
import { FeedbackAccepted } from '../dto/feedback.response';
import { CreateSurveyDto, ListSurveysQuery, SubmitSurveyDto } from '../dto/survey.dto';
import { PublicSurveyView, SurveyResults, SurveyView } from '../dto/survey.response';
import { SurveyService } from '../services/survey.service';
import { TrustProblem } from '../trust.errors';
import { originOf } from './feedback.controller';

@ApiTags('trust')
@ApiProblems('Trust', Object.values(TrustProblem))
@Controller()
export class SurveyController {
  constructor(private readonly surveys: SurveyService) {}

  @Post('trust-surveys')
  @Roles('hr')
  @ApiOperation({
    summary: 'Open a population survey',
    description:
      'The thesis’s questionnaire (trust, reasons for distrust, where opinion comes from, qualities of a good officer) for a unit of your subtree, with a public link that takes answers from `opensOn` to `closesOn`.',
  })
  @ApiCreatedResponse({ type: SurveyView })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateSurveyDto, @Req() request: Request) {
    return this.surveys.create(ctx, dto, originOf(request));
  }

  @Get('trust-surveys')
  @Roles('hr')
  @ApiOperation({ summary: 'List surveys', description: 'Surveys of units in your subtrees, newest period first.' })
  @ApiOkResponse({ type: PageOf(SurveyView) })
  list(@Ctx() ctx: RequestContext, @Query() query: ListSurveysQuery, @Req() request: Request) {
    return this.surveys.list(ctx, query, originOf(request));
  }

  @Get('trust-surveys/:id/results')
  @Roles('hr')
  @ApiOperation({
    summary: 'A survey’s results beside the thesis’s figures',
    description:
      'Counts and shares (percent) of each answer with the thesis’s baseline; shares are null under 5 responses. Outside your subtree: 404.',
  })
  @ApiOkResponse({ type: SurveyResults })
  results(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Req() request: Request) {
    return this.surveys.results(ctx, id, originOf(request));
  }

  @Post('trust-surveys/:id/close')
  @Roles('hr')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close a survey',
    description:
      'Stops taking answers now, before the end of its period; its answers and results stay. Closing again changes nothing. Outside your subtree: 404.',
  })
  @ApiOkResponse({ type: SurveyView })
  close(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Req() request: Request) {
    return this.surveys.close(ctx, id, originOf(request));
  }

  @Get('surveys/:code')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Open a survey’s questionnaire',
    description:
      'Public. The title, region and a human check. Unknown code: 404; outside its period: 409 `survey-closed`.',
  })
  @ApiOkResponse({ type: PublicSurveyView })
  form(@Param('code') code: string) {
    return this.surveys.form(code);
  }

  @Post('surveys/:code')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Answer a survey',
    description:
      'Public and anonymous. The same address counts once a day per survey (a daily-salted hash, never the address); 20 answers an hour per address (429); a wrong or too quick sum: 422 `human-check-failed`.',
  })
  @ApiAcceptedResponse({ type: FeedbackAccepted })
  async submit(@Param('code') code: string, @Body() dto: SubmitSurveyDto, @Req() request: Request) {
    await this.surveys.submit(code, dto, request.ip ?? 'unknown');
    return { accepted: true };
  }
}
