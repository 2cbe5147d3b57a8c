import { Injectable } from '@nestjs/common';
import { CourseVersionService } from '@lms/catalogue';
import { NotFound, RequestContext, TransactionHost } from '@lms/core';
import type { QuestionStatsView } from '../dto/question-stats.response';
import { questionStatistics, ScoredAttempt } from './question-stats';

/**
 * Item statistics of a version's quiz, for the course's authors only (they
 * alone see its questions and answers): computed from submitted attempts.
 */
@Injectable()
export class QuestionStatsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly versions: CourseVersionService,
  ) {}

  async forVersion(ctx: RequestContext, versionId: string): Promise<QuestionStatsView> {
    const { row, canAuthor } = await this.versions.find(ctx, versionId);
    // Not an author: the same answer as an unknown version, as for the questions themselves.
    if (!canAuthor) throw new NotFound('Course version', versionId);
    const quiz = row.content.quiz;
    const attempts = quiz
      ? await this.tx.query<ScoredAttempt>(
          `SELECT score, questions, coalesce(answers, '[]'::jsonb) AS answers FROM quiz_attempt
           WHERE course_version_id = $1 AND status = 'submitted' AND score IS NOT NULL`,
          [versionId],
        )
      : [];
    return {
      courseVersionId: versionId,
      attempts: attempts.length,
      groupSize: Math.round(attempts.length * 0.27),
      questions: quiz
        ? questionStatistics(quiz, attempts).map((stat) => ({
            ...stat,
            text: quiz.questions.find((q) => q.id === stat.questionId)!.text,
          }))
        : [],
    };
  }
}
