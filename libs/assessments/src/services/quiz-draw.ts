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
