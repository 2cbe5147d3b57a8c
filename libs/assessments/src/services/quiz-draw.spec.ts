import type { Quiz } from '@lms/catalogue';
import { drawProblems, drawQuestions, shuffle } from './quiz-draw';

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

  it('accepts its own draws and names what is wrong with a foreign one', () => {
    const bank = quiz(12, 5);
    const drawn = drawQuestions(bank);
    expect(drawProblems(bank, drawn)).toEqual([]);
    expect(drawProblems(bank, drawn.slice(1))).toEqual(['draws the wrong number of questions']);
    expect(drawProblems(bank, [...drawn.slice(1), drawn[1]])).toEqual(['draws a question twice']);
    const stranger = { questionId: 'nope', optionIds: [] };
    expect(drawProblems(bank, [...drawn.slice(1), stranger])).toEqual(['question nope is not in the bank']);
    const short = { ...drawn[0], optionIds: drawn[0].optionIds.slice(1) };
    expect(drawProblems(bank, [short, ...drawn.slice(1)])).toEqual([
      `question ${short.questionId} is not shown with exactly its options`,
    ]);
  });
});
