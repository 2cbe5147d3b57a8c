import type { Quiz } from '@lms/catalogue';
import { drawQuestions, shuffle } from './quiz-draw';

const quiz = (questions: number, drawCount: number): Quiz => ({
  questions: Array.from({ length: questions }, (_, i) => ({
    id: `q${i}`,
    text: { kk: `q${i}`, ru: `q${i}` },
    multiple: false,
    options: ['a', 'b', 'c', 'd'].map((o) => ({ id: `q${i}${o}`, text: { kk: o, ru: o }, correct: o === 'a' })),
    explanation: null,
  })),
  drawCount,
  passMark: 70,
  timeLimitMinutes: null,
  maxAttempts: null,
});

describe('drawing questions', () => {
  it('draws drawCount distinct questions of the bank, each with all its options', () => {
    const drawn = drawQuestions(quiz(12, 5));
    expect(drawn).toHaveLength(5);
    expect(new Set(drawn.map((d) => d.questionId)).size).toBe(5);
    for (const d of drawn) expect([...d.optionIds].sort()).toEqual(['a', 'b', 'c', 'd'].map((o) => d.questionId + o));
  });

  it('never draws more than the bank holds', () => {
    expect(drawQuestions(quiz(3, 10))).toHaveLength(3);
  });

  it('varies the questions and their order between draws', () => {
    const draws = new Set(Array.from({ length: 20 }, () => JSON.stringify(drawQuestions(quiz(12, 5)))));
    expect(draws.size).toBeGreaterThan(15);
  });

  it('shuffles uniformly enough: each item reaches each position', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[shuffle(['x', 'y', 'z']).indexOf('x')]++;
    for (const count of counts) expect(count).toBeGreaterThan(800);
  });
});
