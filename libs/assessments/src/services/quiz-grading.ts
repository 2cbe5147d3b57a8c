import type { Quiz, Text } from '@lms/catalogue';
import type { FieldProblem } from '@lms/core';
import type { DrawnQuestion, GivenAnswer } from '../entities/quiz-attempt.entity';

export interface QuestionResult {
  questionId: string;
  chosenOptionIds: string[];
  answeredCorrectly: boolean;
  correctOptionIds: string[];
  explanation: Text | null;
}

export interface Grade {
  questionCount: number;
  correctCount: number;
  /** Percent of questions answered exactly right, rounded. */
  score: number;
  passed: boolean;
  results: QuestionResult[];
}

/**
 * What is wrong with answers for an attempt: questions that were not drawn,
 * options that are not the question's, a question answered twice, several
 * options for a single-choice question. Unanswered questions are allowed
 * (they score 0).
 */
export function answerProblems(drawn: DrawnQuestion[], quiz: Quiz, answers: GivenAnswer[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const drawnOptions = new Map(drawn.map((q) => [q.questionId, new Set(q.optionIds)]));
  const multiple = new Map(quiz.questions.map((q) => [q.id, q.multiple]));
  const seen = new Set<string>();
  answers.forEach((answer, i) => {
    const field = `answers[${i}]`;
    const options = drawnOptions.get(answer.questionId);
    if (!options) {
      problems.push({ field: `${field}.questionId`, message: 'is not a question of this attempt' });
      return;
    }
    if (seen.has(answer.questionId)) problems.push({ field: `${field}.questionId`, message: 'is answered twice' });
    seen.add(answer.questionId);
    if (answer.optionIds.some((id) => !options.has(id)))
      problems.push({ field: `${field}.optionIds`, message: 'contains an option that is not of this question' });
    if (!multiple.get(answer.questionId) && answer.optionIds.length > 1)
      problems.push({ field: `${field}.optionIds`, message: 'a single-choice question takes one option' });
  });
  return problems;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** All-or-nothing per question: the chosen set must equal the correct set. */
export function gradeAttempt(drawn: DrawnQuestion[], quiz: Quiz, answers: GivenAnswer[]): Grade {
  const bank = new Map(quiz.questions.map((q) => [q.id, q]));
  const given = new Map(answers.map((a) => [a.questionId, [...new Set(a.optionIds)]]));
  const results = drawn.map((d): QuestionResult => {
    const question = bank.get(d.questionId);
    const correctOptionIds = question?.options.filter((o) => o.correct).map((o) => o.id) ?? [];
    const chosenOptionIds = given.get(d.questionId) ?? [];
    return {
      questionId: d.questionId,
      chosenOptionIds,
      answeredCorrectly: correctOptionIds.length > 0 && sameSet(chosenOptionIds, correctOptionIds),
      correctOptionIds,
      explanation: question?.explanation ?? null,
    };
  });
  const correctCount = results.filter((r) => r.answeredCorrectly).length;
  const score = drawn.length === 0 ? 0 : Math.round((100 * correctCount) / drawn.length);
  return { questionCount: drawn.length, correctCount, score, passed: score >= quiz.passMark, results };
}
