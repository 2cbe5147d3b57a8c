import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, Ctx, PageOf, PageQuery, RequestContext, Roles } from '@lms/core';
import { ASSESSMENTS_ROUTE_PROBLEMS } from '../assessments.errors';
import { AttemptResultView, AttemptSummary, OpenAttemptView, SubmittedAttemptView } from '../dto/assessment.response';
import { SubmitAttemptDto } from '../dto/attempt.dto';
import { QuestionStatsView } from '../dto/question-stats.response';
import { QuestionStatsService } from '../services/question-stats.service';
import { QuizAttemptService } from '../services/quiz-attempt.service';

@ApiTags('assessments')
@ApiProblems('Assessments', ASSESSMENTS_ROUTE_PROBLEMS)
@Controller()
export class QuizAttemptController {
  constructor(
    private readonly attempts: QuizAttemptService,
    private readonly stats: QuestionStatsService,
  ) {}

  @Get('course-versions/:id/question-stats')
  @Roles('trainer')
  @ApiOperation({
    summary: 'Question statistics of a version’s quiz',
    description:
      'For those who may author the course (otherwise 404, as for an unknown version): per question of the version’s bank, from submitted attempts only, how often it was drawn and answered right, the wrong option chosen most often, and a discrimination index (share right in the top 27% of attempts by score minus that in the bottom 27%).',
  })
  @ApiOkResponse({ type: QuestionStatsView })
  questionStats(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.stats.forVersion(ctx, id);
  }

  @Post('enrollments/:id/attempts')
  @Roles('officer')
  @ApiOperation({
    summary: 'Start a quiz attempt',
    description:
      'Draws `drawCount` questions from the pinned version’s bank, questions and options shuffled, with a `deadline` when the quiz has a time limit; never which options are right. An attempt still open comes back unchanged (200) instead, so a reload spends no attempt. Attempts used up, quiz passed or enrolment closed: 409.',
  })
  @ApiCreatedResponse({ type: OpenAttemptView, description: 'A new attempt' })
  @ApiOkResponse({ type: OpenAttemptView, description: 'An attempt was still open: that one, unchanged' })
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
  @ApiOperation({
    summary: 'List quiz attempts',
    description: 'An enrolment’s attempts, oldest first, without questions.',
  })
  @ApiOkResponse({ type: PageOf(AttemptSummary) })
  list(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() page: PageQuery) {
    return this.attempts.list(ctx, id, page);
  }

  @Get('attempts/:id')
  @Roles('officer', 'hr', 'trainer')
  @ApiOperation({
    summary: 'Read a quiz attempt',
    description:
      'While open: its questions (no answers). Once closed: its results, with the right options only once revealed.',
  })
  @ApiExtraModels(OpenAttemptView, AttemptResultView)
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(OpenAttemptView) }, { $ref: getSchemaPath(AttemptResultView) }] },
  })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.attempts.get(ctx, id);
  }

  @Post('attempts/:id/submit')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({
    summary: 'Submit a quiz attempt',
    description:
      'Graded on the server, all or nothing per question: `score` is the rounded percent, `passed` is score ≥ passMark, and a pass is reported to the enrolment. A second submission, or one more than 30 seconds late: 409; answers outside the attempt: 422.',
  })
  @ApiOkResponse({ type: SubmittedAttemptView })
  submit(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitAttemptDto) {
    return this.attempts.submit(ctx, id, dto.answers);
  }
}
