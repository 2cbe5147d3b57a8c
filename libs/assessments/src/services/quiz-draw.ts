import { randomInt } from 'node:crypto';
import type { Quiz } from '@lms/catalogue';
import type { DrawnQuestion } from '../entities/quiz-attempt.entity';

/** A uniform integer in [0, maxExclusive); cryptographic so officers cannot predict a draw. */
export type Random = (maxExclusive: number) => number;

const secureRandom: Random = (maxExclusive) => randomInt(maxExclusive);

/** Fisher–Yates: every order equally likely. */
export function shuffle<T>(items: readonly T[], random: Random = secureRandom): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `drawCount` questions of the bank in random order, each with its options shuffled. */
export function drawQuestions(quiz: Quiz, random: Random = secureRandom): DrawnQuestion[] {
  return shuffle(quiz.questions, random)
    .slice(0, Math.min(quiz.drawCount, quiz.questions.length))
    .map((question) => ({
      questionId: question.id,
      optionIds: shuffle(
        question.options.map((option) => option.id),
        random,
      ),
    }));
}

/** What is wrong with a draw given from outside (loaded history): not the bank's questions, options or count. */
export function drawProblems(quiz: Quiz, drawn: DrawnQuestion[]): string[] {
  const problems: string[] = [];
  const bank = new Map(quiz.questions.map((q) => [q.id, q]));
  if (drawn.length !== Math.min(quiz.drawCount, quiz.questions.length))
    problems.push('draws the wrong number of questions');
  if (new Set(drawn.map((d) => d.questionId)).size < drawn.length) problems.push('draws a question twice');
  for (const d of drawn) {
    const question = bank.get(d.questionId);
    if (!question) problems.push(`question ${d.questionId} is not in the bank`);
    else if (
      d.optionIds.length !== question.options.length ||
      !question.options.every((option) => d.optionIds.includes(option.id))
    )
      problems.push(`question ${d.questionId} is not shown with exactly its options`);
  }
  return problems;
}
