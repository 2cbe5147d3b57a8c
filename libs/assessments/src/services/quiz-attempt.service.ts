import { Injectable } from '@nestjs/common';
import { EnrollmentClosed, EnrollmentRow, EnrollmentService, OPEN_STATUSES } from '@lms/assignments';
import { CourseVersionService, Quiz } from '@lms/catalogue';
import { AuditService, NotFound, Page, PageQuery, RequestContext, TransactionHost } from '@lms/core';
import { AttemptResultView, AttemptSummary, OpenAttemptView, SubmittedAttemptView } from '../dto/assessment.response';
import type { GivenAnswer } from '../entities/quiz-attempt.entity';
import {
  AttemptClosed,
  AttemptExpired,
  AttemptsExhausted,
  AuthorOfQuiz,
  InvalidAnswers,
  NoQuiz,
  QuizAlreadyPassed,
} from '../assessments.errors';
import {
  ATTEMPT_SELECT,
  AttemptRow,
  mapAttemptResult,
  mapAttemptSummary,
  mapOpenAttempt,
  SUBMIT_GRACE_SECONDS,
} from './attempt.mapper';
import { drawQuestions } from './quiz-draw';
import { answerProblems, gradeAttempt } from './quiz-grading';

const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

/** The record when the caller may see it, null when it answers 404 (its own id must not leak into ours). */
async function visible<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
}

/**
 * Quiz attempts: drawn and graded on the server; the answers stay in the
 * course version until an attempt is submitted. Owns `quiz_attempt`.
 */
@Injectable()
export class QuizAttemptService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly enrollments: EnrollmentService,
    private readonly versions: CourseVersionService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Starts an attempt on the officer's own enrolment (starting the enrolment
   * first, so the version is pinned). An attempt still open is returned as it
   * is (`resumed`), so a reloaded page neither loses it nor spends another.
   */
  async start(ctx: RequestContext, enrollmentId: string): Promise<{ attempt: OpenAttemptView; resumed: boolean }> {
    return this.tx.withTransaction(async () => {
      const enrollment = await this.ownEnrollment(ctx, enrollmentId, () => new NotFound('Enrolment', enrollmentId));
      if (!isOpen(enrollment.status)) throw new EnrollmentClosed(enrollment.status, 'assessed');
      const versionId =
        enrollment.course_version_id ?? (await this.enrollments.start(ctx, enrollmentId)).courseVersionId!;
      const quiz = await this.quizOf(versionId);
      if (await this.versions.canAuthor(ctx, versionId)) throw new AuthorOfQuiz();
      if (enrollment.progress.quizPassed) throw new QuizAlreadyPassed();
      await this.expireLate(enrollmentId);
      const [open] = await this.tx.query<AttemptRow>(
        `${ATTEMPT_SELECT} WHERE a.enrollment_id = $1 AND a.status = 'open'`,
        [enrollmentId],
      );
      if (open) return { attempt: mapOpenAttempt(open, quiz), resumed: true };
      const used = await this.attemptCount(enrollmentId);
      if (quiz.maxAttempts !== null && used >= quiz.maxAttempts) throw new AttemptsExhausted(quiz.maxAttempts);
      const drawn = drawQuestions(quiz);
      const [row] = await this.tx.query<AttemptRow>(
        `INSERT INTO quiz_attempt (enrollment_id, course_version_id, number, questions, deadline)
         VALUES ($1, $2, $3, $4, CASE WHEN $5::int IS NULL THEN NULL ELSE now() + make_interval(mins => $5::int) END)
         RETURNING *, status AS effective_status`,
        [enrollmentId, versionId, used + 1, JSON.stringify(drawn), quiz.timeLimitMinutes],
      );
      await this.audit.record(ctx, {
        action: 'quiz-attempt.start',
        entityType: 'quiz_attempt',
        entityId: row.id,
        unitPath: enrollment.unit_path,
        after: {
          enrollmentId,
          number: row.number,
          questionIds: drawn.map((d) => d.questionId),
          deadline: row.deadline,
        },
      });
      return { attempt: mapOpenAttempt(row, quiz), resumed: false };
    });
  }

  /**
   * Grades the officer's answers. Late (past the deadline and its grace): the
   * attempt is recorded as expired and failed, then 409. A pass is reported
   * to the enrolment, which may complete it (and issue a certificate) in the
   * same transaction.
   */
  async submit(ctx: RequestContext, attemptId: string, answers: GivenAnswer[]): Promise<SubmittedAttemptView> {
    const outcome = await this.tx.withTransaction(async () => {
      const notFound = () => new NotFound('Quiz attempt', attemptId);
      const found = await this.row(attemptId);
      if (!found) throw notFound();
      // The enrolment is locked before the attempt, in the same order as start().
      const enrollment = await this.ownEnrollment(ctx, found.enrollment_id, notFound);
      const attempt = (await this.row(attemptId, true))!;
      // Granted authorship (and so the answer key) after starting: the attempt does not count.
      if (await this.versions.canAuthor(ctx, attempt.course_version_id)) throw new AuthorOfQuiz();
      if (attempt.effective_status === 'expired' && attempt.status === 'open') {
        await this.expire(attemptId);
        return { kind: 'late' as const, deadline: attempt.deadline! };
      }
      if (attempt.status !== 'open') throw new AttemptClosed(attempt.status);
      const quiz = await this.quizOf(attempt.course_version_id);
      const problems = answerProblems(attempt.questions, quiz, answers);
      if (problems.length > 0) throw new InvalidAnswers(problems);
      const grade = gradeAttempt(attempt.questions, quiz, answers);
      const [submitted] = await this.tx.query<AttemptRow>(
        `UPDATE quiz_attempt SET status = 'submitted', answers = $2, closed_at = now(), correct_count = $3, score = $4, passed = $5
         WHERE id = $1 RETURNING *, status AS effective_status`,
        [attemptId, JSON.stringify(answers), grade.correctCount, grade.score, grade.passed],
      );
      await this.audit.record(ctx, {
        action: 'quiz-attempt.submit',
        entityType: 'quiz_attempt',
        entityId: attemptId,
        unitPath: enrollment.unit_path,
        after: { enrollmentId: enrollment.id, score: grade.score, passed: grade.passed, answers },
      });
      // An enrolment exempted or withdrawn meanwhile keeps the result but takes no progress.
      let enrollmentStatus: string = enrollment.effective_status;
      if (grade.passed && isOpen(enrollment.status)) {
        enrollmentStatus = (await this.enrollments.recordProgress(ctx, enrollment.id, { quizPassed: true })).status;
      }
      const result = mapAttemptResult(submitted, quiz, await this.attemptsLeft(quiz, enrollment.id));
      return { kind: 'graded' as const, result: { ...result, enrollmentStatus } };
    });
    // Thrown after the transaction so that the expiry stays recorded.
    if (outcome.kind === 'late') throw new AttemptExpired(outcome.deadline);
    return outcome.result;
  }

  /** One attempt: questions while open (no answers), results once closed. Officer own, HR and trainers in scope. */
  async get(ctx: RequestContext, attemptId: string): Promise<OpenAttemptView | AttemptResultView> {
    const row = await this.row(attemptId);
    if (!row) throw new NotFound('Quiz attempt', attemptId);
    if (!(await visible(this.enrollments.find(ctx, row.enrollment_id)))) throw new NotFound('Quiz attempt', attemptId);
    const quiz = await this.quizOf(row.course_version_id);
    if (row.effective_status === 'open') return mapOpenAttempt(row, quiz);
    return mapAttemptResult(row, quiz, await this.attemptsLeft(quiz, row.enrollment_id));
  }

  /** An enrolment's attempts, oldest first. Officer own, HR and trainers in scope. */
  async list(ctx: RequestContext, enrollmentId: string, page: PageQuery): Promise<Page<AttemptSummary>> {
    await this.enrollments.find(ctx, enrollmentId);
    const { rows, total } = await this.tx.page<AttemptRow>({
      from: 'quiz_attempt a',
      select: ATTEMPT_SELECT,
      where: 'a.enrollment_id = $1',
      orderBy: 'a.number',
      params: [enrollmentId],
      page,
    });
    return { items: rows.map(mapAttemptSummary), total, limit: page.limit, offset: page.offset };
  }

  /** The caller's own enrolment, locked; anyone else's (admins' included) answers `notFound`. */
  private async ownEnrollment(ctx: RequestContext, id: string, notFound: () => Error): Promise<EnrollmentRow> {
    const officerId = ctx.actor?.officerId;
    if (!officerId) throw notFound();
    const row = await visible(this.enrollments.find(ctx, id, [], true));
    if (!row || row.officer_id !== officerId) throw notFound();
    return row;
  }

  private async row(id: string, lock = false): Promise<AttemptRow | null> {
    const [row] = await this.tx.query<AttemptRow>(`${ATTEMPT_SELECT} WHERE a.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
      id,
    ]);
    return row ?? null;
  }

  private async quizOf(versionId: string): Promise<Quiz> {
    const quiz = (await this.versions.contentOf(versionId))?.quiz;
    if (!quiz || quiz.questions.length === 0) throw new NoQuiz();
    return quiz;
  }

  private async attemptCount(enrollmentId: string): Promise<number> {
    const [{ n }] = await this.tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM quiz_attempt WHERE enrollment_id = $1',
      [enrollmentId],
    );
    return n;
  }

  private async attemptsLeft(quiz: Quiz, enrollmentId: string): Promise<number | null> {
    if (quiz.maxAttempts === null) return null;
    return Math.max(0, quiz.maxAttempts - (await this.attemptCount(enrollmentId)));
  }

  /** Late attempts become expired and failed: no answers, score 0. */
  private async expire(id: string): Promise<void> {
    await this.tx.query(
      `UPDATE quiz_attempt SET status = 'expired', closed_at = now(), correct_count = 0, score = 0, passed = false WHERE id = $1`,
      [id],
    );
  }

  private async expireLate(enrollmentId: string): Promise<void> {
    await this.tx.query(
      `UPDATE quiz_attempt SET status = 'expired', closed_at = now(), correct_count = 0, score = 0, passed = false
       WHERE enrollment_id = $1 AND status = 'open' AND deadline + interval '${SUBMIT_GRACE_SECONDS} seconds' < now()`,
      [enrollmentId],
    );
  }
}
