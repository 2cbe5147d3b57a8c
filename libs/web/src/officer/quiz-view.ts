import type { AttemptResultView, OpenAttemptView } from '@lms/assessments';

/** The form's field for a question's answer: `answer-<questionId>`, one value per chosen option. */
export const answerField = (questionId: string) => `answer-${questionId}`;

/**
 * The answers of a submitted quiz form, for the attempt's own questions only
 * (anything else in the body is ignored; the service checks the options).
 */
export function answersFromForm(attempt: OpenAttemptView, body: Record<string, unknown>) {
  return attempt.questions.map((question) => {
    const raw = body[answerField(question.id)];
    const chosen = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (value): value is string => typeof value === 'string',
    );
    return { questionId: question.id, optionIds: [...new Set(chosen)].slice(0, 10) };
  });
}

/**
 * A submitted attempt as the result page shows it: each question with the
 * officer's choice marked, and, only when the API reveals them, the right
 * options and the explanation.
 */
export function resultView(result: AttemptResultView) {
  const byQuestion = new Map(result.results.map((r) => [r.questionId, r]));
  const questions = result.questions.map((question, index) => {
    const outcome = byQuestion.get(question.id);
    const chosen = new Set(outcome?.chosenOptionIds ?? []);
    const correct = new Set(outcome && 'correctOptionIds' in outcome ? (outcome.correctOptionIds ?? []) : []);
    return {
      number: index + 1,
      text: question.text,
      answeredCorrectly: outcome?.answeredCorrectly ?? false,
      unanswered: chosen.size === 0,
      options: question.options.map((option) => ({
        text: option.text,
        chosen: chosen.has(option.id),
        correct: result.answersRevealed && correct.has(option.id),
      })),
      explanation: result.answersRevealed && outcome && 'explanation' in outcome ? (outcome.explanation ?? null) : null,
    };
  });
  return {
    number: result.number,
    status: result.status,
    score: result.score ?? 0,
    passed: result.passed === true,
    passMark: result.passMark,
    attemptsLeft: result.attemptsLeft,
    answersRevealed: result.answersRevealed,
    questions,
    canRetry: result.passed !== true && (result.attemptsLeft === null || result.attemptsLeft > 0),
  };
}
