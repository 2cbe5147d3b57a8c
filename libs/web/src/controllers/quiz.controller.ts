import { Body, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { EnrollmentService, EnrollmentView } from '@lms/assignments';
import { AttemptResultView, QuizAttemptService } from '@lms/assessments';
import { Ctx, DomainError, NotFound, RequestContext, Roles } from '@lms/core';
import { PageContext } from '../http/page-context';
import { Action, Page, redirectTo, WebController } from '../http/page.decorators';
import { PageCtx } from '../http/page-params';
import { EnrolmentVersions } from '../officer/enrolment-versions';
import { answersFromForm, resultView } from '../officer/quiz-view';

const OPEN = new Set(['assigned', 'in_progress', 'overdue']);

/** A course's quiz: what it is and the attempts so far, an open attempt's questions, a submitted attempt's result. */
@WebController()
export class QuizController {
  constructor(
    private readonly enrollments: EnrollmentService,
    private readonly attempts: QuizAttemptService,
    private readonly versions: EnrolmentVersions,
  ) {}

  @Get('me/training/:id/quiz')
  @Roles('officer')
  @Page('officer/quiz', 'quiz.about')
  async quiz(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @PageCtx() page: PageContext) {
    const enrolment = await this.own(ctx, id);
    const version = await this.versions.of(ctx, enrolment);
    if (!version.quiz) throw new NotFound('Quiz');
    const { items } = await this.attempts.list(ctx, id, { limit: 100, offset: 0 });
    const quiz = version.quiz;
    const used = items.length;
    const attemptsLeft = quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - used);
    const openAttempt = items.find((attempt) => attempt.status === 'open') ?? null;
    page.title = page.t('quiz.title', { course: courseTitle(enrolment, page) });
    return {
      enrolment,
      quiz: {
        questionCount: quiz.drawCount,
        passMark: quiz.passMark,
        timeLimitMinutes: quiz.timeLimitMinutes,
        maxAttempts: quiz.maxAttempts,
      },
      attempts: items.filter((attempt) => attempt.status !== 'open'),
      attemptsLeft,
      openAttempt,
      passed: enrolment.progress.quizPassed,
      canStart:
        OPEN.has(enrolment.status) &&
        !enrolment.progress.quizPassed &&
        (attemptsLeft === null || attemptsLeft > 0 || openAttempt !== null),
      exhausted: !enrolment.progress.quizPassed && attemptsLeft === 0 && openAttempt === null,
    };
  }

  /** Starts an attempt, or goes back to the one still open (a reload never spends another). */
  @Post('me/training/:id/quiz')
  @Roles('officer')
  @Action()
  async start(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    const { attempt } = await this.attempts.start(ctx, id);
    return redirectTo(`/me/attempts/${attempt.id}`);
  }

  @Get('me/attempts/:id')
  @Roles('officer')
  @Page('officer/attempt', 'quiz.about')
  async attempt(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @PageCtx() page: PageContext) {
    const attempt = await this.attempts.get(ctx, id);
    const enrolment = await this.own(ctx, attempt.enrollmentId);
    page.title = page.t('quiz.title', { course: courseTitle(enrolment, page) });
    if (attempt.status === 'open') {
      const open = attempt;
      return {
        enrolment,
        open: true,
        attempt: open,
        questions: open.questions.map((question, index) => ({ ...question, number: index + 1 })),
        total: open.questions.length,
      };
    }
    const result = resultView(attempt as AttemptResultView);
    return { enrolment, open: false, attempt, result, canRetry: result.canRetry && OPEN.has(enrolment.status) };
  }

  /**
   * Grades the answers. A second submission of the same attempt (a double
   * click, a resent form) and a late one land on the attempt's result.
   */
  @Post('me/attempts/:id')
  @Roles('officer')
  @Action()
  async submit(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const attempt = await this.attempts.get(ctx, id);
    if (attempt.status === 'open') {
      try {
        const result = await this.attempts.submit(ctx, id, answersFromForm(attempt, body));
        if (result.enrollmentStatus === 'completed') return redirectTo(`/me/attempts/${id}`, 'courseCompleted');
      } catch (error) {
        if (!(error instanceof DomainError) || !['attempt-closed', 'attempt-expired'].includes(error.code)) throw error;
      }
    }
    return redirectTo(`/me/attempts/${id}`);
  }

  private async own(ctx: RequestContext, id: string): Promise<EnrollmentView> {
    const enrolment = await this.enrollments.get(ctx, id);
    if (enrolment.officerId !== ctx.actor?.officerId) throw new NotFound('Enrolment', id);
    return enrolment;
  }
}

function courseTitle(enrolment: EnrollmentView, page: PageContext): string {
  const title = enrolment.courseTitle;
  return title[page.lang] || title.ru || title.kk || enrolment.courseCode;
}
