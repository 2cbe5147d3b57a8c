import type { Quiz } from '@lms/catalogue';
import type { DrawnQuestion, GivenAnswer } from '../entities/quiz-attempt.entity';

/** A submitted attempt as the statistics read it. */
export interface ScoredAttempt {
  score: number;
  questions: DrawnQuestion[];
  answers: GivenAnswer[];
}

export interface QuestionStatistic {
  questionId: string;
  /** Attempts that drew it. */
  drawn: number;
  /** Of those, answered right (exactly the right options chosen). */
  correct: number;
  correctPercent: number | null;
  /** The wrong option chosen most often, and how often; null when no one chose a wrong one. */
  mostChosenWrong: { optionId: string; count: number } | null;
  /**
   * Share right among the top 27% of attempts by score minus the share right
   * among the bottom 27% (of those that drew the question): from −1 to 1; null
   * when either group did not draw it. Near 0 or below: the question does not
   * separate strong officers from weak ones.
   */
  discrimination: number | null;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * Per question of the quiz, from submitted attempts: how often it was drawn
 * and answered right, the most chosen wrong option, and the upper-lower 27%
 * discrimination index (Kelley's groups by attempt score).
 */
export function questionStatistics(quiz: Quiz, attempts: ScoredAttempt[]): QuestionStatistic[] {
  const ranked = [...attempts].sort((a, b) => b.score - a.score);
  const group = Math.round(ranked.length * 0.27);
  const upper = new Set(group > 0 ? ranked.slice(0, group) : []);
  const lower = new Set(group > 0 ? ranked.slice(-group) : []);
  return quiz.questions.map((question) => {
    const right = new Set(question.options.filter((o) => o.correct).map((o) => o.id));
    const wrongChoices = new Map<string, number>();
    let drawn = 0;
    let correct = 0;
    const tally = { upper: [0, 0], lower: [0, 0] };
    for (const attempt of ranked) {
      if (!attempt.questions.some((q) => q.questionId === question.id)) continue;
      drawn++;
      const chosen = new Set(attempt.answers.find((a) => a.questionId === question.id)?.optionIds ?? []);
      const isRight = chosen.size === right.size && [...chosen].every((id) => right.has(id));
      if (isRight) correct++;
      for (const id of chosen) if (!right.has(id)) wrongChoices.set(id, (wrongChoices.get(id) ?? 0) + 1);
      for (const [name, members] of [
        ['upper', upper],
        ['lower', lower],
      ] as const) {
        if (!members.has(attempt)) continue;
        tally[name][0]++;
        if (isRight) tally[name][1]++;
      }
    }
    const wrong = [...wrongChoices.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const share = ([n, ok]: number[]) => ok / n;
    return {
      questionId: question.id,
      drawn,
      correct,
      correctPercent: drawn > 0 ? round((correct / drawn) * 100, 1) : null,
      mostChosenWrong: wrong ? { optionId: wrong[0], count: wrong[1] } : null,
      discrimination:
        tally.upper[0] > 0 && tally.lower[0] > 0 ? round(share(tally.upper) - share(tally.lower), 2) : null,
    };
  });
}
