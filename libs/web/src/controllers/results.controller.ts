import { Get } from '@nestjs/common';
import { EnrollmentService } from '@lms/assignments';
import { PracticalAssessmentService, QuizAttemptService } from '@lms/assessments';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { MySessionsService } from '@lms/seminars';
import { Page, WebController } from '../http/page.decorators';

/** The officer's results: quiz attempts, practical assessments with the trainer's comments, seminar attendance. */
@WebController()
export class ResultsController {
  constructor(
    private readonly enrollments: EnrollmentService,
    private readonly attempts: QuizAttemptService,
    private readonly practicals: PracticalAssessmentService,
    private readonly sessions: MySessionsService,
  ) {}

  @Get('me/results')
  @Roles('officer')
  @Page('officer/results', 'results.title')
  async results(@Ctx() ctx: RequestContext) {
    const officerId = ctx.actor?.officerId;
    if (!officerId) return { quizzes: [], practicals: [], attendance: [] };
    const { items: enrolments } = await this.enrollments.list(ctx, { officerId, limit: 500, offset: 0 });
    const page100 = { limit: 100, offset: 0 };
    const quizzes = [];
    const practicals = [];
    for (const enrolment of enrolments) {
      const { items: attempts } = await this.attempts.list(ctx, enrolment.id, page100);
      const closed = attempts.filter((attempt) => attempt.status !== 'open');
      if (closed.length > 0) quizzes.push({ enrolment, attempts: closed });
      const { items: assessments } = await this.practicals.list(ctx, enrolment.id, page100);
      for (const assessment of assessments) practicals.push({ enrolment, assessment });
    }
    const { items: bookings } = await this.sessions.list(ctx, { limit: 200, offset: 0 });
    const attendance = bookings.filter((booking) => booking.attendance !== null);
    return { quizzes, practicals, attendance };
  }
}
