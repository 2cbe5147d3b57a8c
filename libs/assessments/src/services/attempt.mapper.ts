import type { Quiz } from '@lms/catalogue';
import { AttemptResultView, AttemptSummary, OpenAttemptView, PresentedQuestion } from '../dto/assessment.response';
import type { AttemptStatus, DrawnQuestion, GivenAnswer } from '../entities/quiz-attempt.entity';
import { Grade, gradeAttempt } from './quiz-grading';

/** Seconds past the deadline a submission is still accepted (network, a slow click). */
export const SUBMIT_GRACE_SECONDS = 30;

/** An open attempt past its deadline and grace is expired, whether or not that was recorded yet. */
export const ATTEMPT_STATUS_SQL = `CASE WHEN a.status = 'open' AND a.deadline + interval '${SUBMIT_GRACE_SECONDS} seconds' < now() THEN 'expired' ELSE a.status END`;

export interface AttemptRow {
  id: string;
  enrollment_id: string;
  course_version_id: string;
  number: number;
  status: AttemptStatus;
  effective_status: AttemptStatus;
  questions: DrawnQuestion[];
  answers: GivenAnswer[] | null;
  started_at: Date;
  deadline: Date | null;
  closed_at: Date | null;
  correct_count: number | null;
  score: number | null;
  passed: boolean | null;
}

export const ATTEMPT_SELECT = `SELECT a.*, ${ATTEMPT_STATUS_SQL} AS effective_status FROM quiz_attempt a`;

/**
 * The questions as the officer sees them: drawn order, shuffled options, and
 * nothing else. Built field by field so that `correct` and `explanation`
 * cannot slip through.
 */
export function presentQuestions(drawn: DrawnQuestion[], quiz: Quiz): PresentedQuestion[] {
  const bank = new Map(quiz.questions.map((q) => [q.id, q]));
  return drawn.map((d) => {
    const question = bank.get(d.questionId)!;
    const options = new Map(question.options.map((o) => [o.id, o]));
    return {
      id: question.id,
      text: question.text,
      multiple: question.multiple,
      options: d.optionIds.map((id) => ({ id, text: options.get(id)!.text })),
    };
  });
}

/** An open attempt: the questions to answer and by when. */
export function mapOpenAttempt(row: AttemptRow, quiz: Quiz): OpenAttemptView {
  return {
    id: row.id,
    enrollmentId: row.enrollment_id,
    number: row.number,
    status: row.effective_status,
    startedAt: row.started_at,
    deadline: row.deadline,
    questions: presentQuestions(row.questions, quiz),
  };
}

/** For lists: how each attempt went, without its questions. */
export function mapAttemptSummary(row: AttemptRow): AttemptSummary {
  const expired = row.effective_status === 'expired';
  return {
    id: row.id,
    enrollmentId: row.enrollment_id,
    number: row.number,
    status: row.effective_status,
    startedAt: row.started_at,
    deadline: row.deadline,
    closedAt: row.closed_at,
    questionCount: row.questions.length,
    correctCount: row.correct_count ?? (expired ? 0 : null),
    score: row.score ?? (expired ? 0 : null),
    passed: row.passed ?? (expired ? false : null),
  };
}

/**
 * A closed attempt with its per-question results. Which questions and
 * options were right, and why, are shown only once the quiz is over for the officer (passed, or
 * no attempts left), so that a failed attempt does not hand out the bank's
 * answers for the next one.
 */
export function mapAttemptResult(row: AttemptRow, quiz: Quiz, attemptsLeft: number | null): AttemptResultView {
  const grade: Grade = gradeAttempt(row.questions, quiz, row.answers ?? []);
  const revealed = row.passed === true || attemptsLeft === 0;
  return {
    ...mapAttemptSummary(row),
    passMark: quiz.passMark,
    attemptsLeft,
    answersRevealed: revealed,
    // The questions as the officer saw them, so a result can be read on its own.
    questions: presentQuestions(row.questions, quiz),
    results: grade.results.map((r) => ({
      questionId: r.questionId,
      chosenOptionIds: r.chosenOptionIds,
      // Which questions were right is itself a hint for the next attempt: only the score until the quiz is over.
      ...(revealed
        ? {
            answeredCorrectly: row.effective_status === 'submitted' && r.answeredCorrectly,
            correctOptionIds: r.correctOptionIds,
            explanation: r.explanation,
          }
        : {}),
    })),
  };
}
