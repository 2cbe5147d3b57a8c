import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblems, Ctx, Public, RequestContext, Roles } from '@lms/core';
import { FeedbackPeriodQuery, SubmitFeedbackDto } from '../dto/feedback.dto';
import { FeedbackAccepted, FeedbackCodeView, FeedbackFormView, FeedbackSummaryView } from '../dto/feedback.response';
import { FeedbackService } from '../services/feedback.service';
import { TrustProblem } from '../trust.errors';

/** The address the page or client was reached at: the card's URL names this server as the officer saw it. */
export function originOf(request: Request): string {
  return `${request.protocol}://${request.get('host')}`;
}

@ApiTags('trust')
@ApiProblems('Trust', Object.values(TrustProblem))
@Controller()
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get('officers/:id/feedback-code')
  @Roles('officer', 'hr')
  @ApiOperation({
    summary: 'An officer’s public feedback code',
    description:
      'The code printed on the officer’s card and the URL its QR code opens; created at first asking. The officer themself or HR of their subtree; otherwise 404.',
  })
  @ApiOkResponse({ type: FeedbackCodeView })
  code(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Req() request: Request) {
    return this.feedback.codeFor(ctx, id, originOf(request));
  }

  @Get('officers/:id/feedback')
  @Roles('officer', 'hr')
  @ApiOperation({
    summary: 'What citizens said about an officer',
    description:
      'Counts always; averages, shares and comments only from 5 responses up. The officer themself or HR of their subtree; otherwise 404.',
  })
  @ApiOkResponse({ type: FeedbackSummaryView })
  summary(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: FeedbackPeriodQuery) {
    return this.feedback.summary(ctx, id, query);
  }

  @Get('feedback/:code')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Open a feedback form',
    description:
      'Public. Who the code names (name, rank, unit) and a human check: a small sum to answer with the feedback, no sooner than 2 s and within 2 hours. Unknown code or dismissed officer: 404.',
  })
  @ApiOkResponse({ type: FeedbackFormView })
  form(@Param('code') code: string) {
    return this.feedback.form(code);
  }

  @Post('feedback/:code')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Give feedback after an encounter',
    description:
      'Public and anonymous. Phone numbers and e-mail addresses in the comment are masked before storage. The same address for the same officer on the same day counts once (a daily-salted hash, never the address); 20 answers an hour per address and 30 an hour per officer (429). A wrong or too quick sum: 422 `human-check-failed`.',
  })
  @ApiAcceptedResponse({ type: FeedbackAccepted })
  async submit(@Param('code') code: string, @Body() dto: SubmitFeedbackDto, @Req() request: Request) {
    await this.feedback.submit(code, dto, request.ip ?? 'unknown');
    return { accepted: true };
  }
}
