import type { Quiz } from '@lms/catalogue';
import { questionStatistics, ScoredAttempt } from './question-stats';

const text = { kk: 'x', ru: 'x' };
const quiz: Quiz = {
  questions: ['q1', 'q2'].map((id) => ({
    id,
    text,
    multiple: false,
    explanation: null,
    options: ['a', 'b', 'c'].map((o) => ({ id: `${id}${o}`, text, correct: o === 'a' })),
  })),
  drawCount: 2,
  passMark: 50,
  timeLimitMinutes: null,
  maxAttempts: null,
};
const attempt = (score: number, q1: string | null, q2?: string): ScoredAttempt => ({
  score,
  questions: [
    ...(q1 !== null ? [{ questionId: 'q1', optionIds: ['q1a', 'q1b', 'q1c'] }] : []),
    ...(q2 ? [{ questionId: 'q2', optionIds: ['q2a', 'q2b', 'q2c'] }] : []),
  ],
  answers: [
    ...(q1 ? [{ questionId: 'q1', optionIds: [q1] }] : []),
    ...(q2 ? [{ questionId: 'q2', optionIds: [q2] }] : []),
  ],
});

describe('questionStatistics', () => {
  it('counts draws, right answers and the most chosen wrong option', () => {
    const [q1, q2] = questionStatistics(quiz, [
      attempt(100, 'q1a', 'q2a'),
      attempt(50, 'q1c', 'q2a'),
      attempt(50, 'q1c'),
      attempt(0, 'q1b'),
    ]);
    expect(q1).toMatchObject({
      drawn: 4,
      correct: 1,
      correctPercent: 25,
      mostChosenWrong: { optionId: 'q1c', count: 2 },
    });
    expect(q2).toMatchObject({ drawn: 2, correct: 2, correctPercent: 100, mostChosenWrong: null });
  });

  it('gives 1 to a question only the strongest get right and −1 to one only the weakest do', () => {
    // 10 attempts: groups of round(2.7) = 3 at each end.
    const attempts = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10].map((score) =>
      attempt(score, score >= 80 ? 'q1a' : 'q1b', score <= 30 ? 'q2a' : 'q2b'),
    );
    const [q1, q2] = questionStatistics(quiz, attempts);
    expect(q1.discrimination).toBe(1);
    expect(q2.discrimination).toBe(-1);
  });

  it('has no index without attempts, and counts a blank answer as wrong without a wrong option', () => {
    expect(questionStatistics(quiz, [])[0]).toMatchObject({ drawn: 0, correctPercent: null, discrimination: null });
    const [q1] = questionStatistics(quiz, [
      { score: 0, questions: [{ questionId: 'q1', optionIds: [] }], answers: [] },
    ]);
    expect(q1).toMatchObject({ drawn: 1, correct: 0, mostChosenWrong: null });
  });
});
