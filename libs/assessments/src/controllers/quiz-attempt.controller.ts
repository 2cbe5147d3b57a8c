import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, PageQuery, RequestContext, Roles } from '@lms/core';
import { SubmitAttemptDto } from '../dto/attempt.dto';
import { QuizAttemptService } from '../services/quiz-attempt.service';

@ApiTags('assessments')
@Controller()
export class QuizAttemptController {
  constructor(private readonly attempts: QuizAttemptService) {}

  /** The officer starts a quiz attempt (201), or gets back the one still open (200). No answers in it. */
  @Post('enrollments/:id/attempts')
  @Roles('officer')
  @ApiOkResponse({ description: 'An attempt was still open: that one, unchanged' })
  async start(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { attempt, resumed } = await this.attempts.start(ctx, id);
    if (resumed) response.status(200);
    return attempt;
  }

  @Get('enrollments/:id/attempts')
  @Roles('officer', 'hr', 'trainer')
  list(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() page: PageQuery) {
    return this.attempts.list(ctx, id, page);
  }

  @Get('attempts/:id')
  @Roles('officer', 'hr', 'trainer')
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.attempts.get(ctx, id);
  }

  /** Graded on the server: `{ score, passed }` with per-question results. */
  @Post('attempts/:id/submit')
  @HttpCode(200)
  @Roles('officer')
  submit(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitAttemptDto) {
    return this.attempts.submit(ctx, id, dto.answers);
  }
}
