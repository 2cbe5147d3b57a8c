import type { Quiz } from '@lms/catalogue';
import { answerProblems, gradeAttempt } from './quiz-grading';

const text = (s: string) => ({ kk: s, ru: s });
const quiz: Quiz = {
  questions: [
    {
      id: 'single',
      text: text('one'),
      multiple: false,
      options: [
        { id: 's1', text: text('1'), correct: true },
        { id: 's2', text: text('2'), correct: false },
      ],
      explanation: text('because'),
    },
    {
      id: 'multi',
      text: text('two'),
      multiple: true,
      options: [
        { id: 'm1', text: text('1'), correct: true },
        { id: 'm2', text: text('2'), correct: true },
        { id: 'm3', text: text('3'), correct: false },
      ],
      explanation: null,
    },
    {
      id: 'undrawn',
      text: text('three'),
      multiple: false,
      options: [
        { id: 'u1', text: text('1'), correct: true },
        { id: 'u2', text: text('2'), correct: false },
      ],
      explanation: null,
    },
  ],
  drawCount: 2,
  passMark: 100,
  timeLimitMinutes: null,
  maxAttempts: null,
};
const drawn = [
  { questionId: 'multi', optionIds: ['m3', 'm1', 'm2'] },
  { questionId: 'single', optionIds: ['s2', 's1'] },
];

describe('grading an attempt', () => {
  it('scores a question only when the chosen set equals the correct set', () => {
    const partial = gradeAttempt(drawn, quiz, [
      { questionId: 'single', optionIds: ['s1'] },
      { questionId: 'multi', optionIds: ['m1'] },
    ]);
    expect(partial).toMatchObject({ questionCount: 2, correctCount: 1, score: 50, passed: false });
    const full = gradeAttempt(drawn, quiz, [
      { questionId: 'single', optionIds: ['s1'] },
      { questionId: 'multi', optionIds: ['m2', 'm1'] },
    ]);
    expect(full).toMatchObject({ correctCount: 2, score: 100, passed: true });
    const tooMany = gradeAttempt(drawn, quiz, [{ questionId: 'multi', optionIds: ['m1', 'm2', 'm3'] }]);
    expect(tooMany.correctCount).toBe(0);
  });

  it('counts unanswered questions as wrong and reports results in the drawn order', () => {
    const grade = gradeAttempt(drawn, quiz, []);
    expect(grade.score).toBe(0);
    expect(grade.results.map((r) => r.questionId)).toEqual(['multi', 'single']);
    expect(grade.results[1]).toMatchObject({ correctOptionIds: ['s1'], explanation: text('because') });
  });

  it('rounds the percent and compares it with the pass mark', () => {
    const three: Quiz = { ...quiz, passMark: 67 };
    const d3 = [...drawn, { questionId: 'undrawn', optionIds: ['u1', 'u2'] }];
    const grade = gradeAttempt(d3, three, [
      { questionId: 'single', optionIds: ['s1'] },
      { questionId: 'undrawn', optionIds: ['u1'] },
    ]);
    expect(grade).toMatchObject({ score: 67, passed: true });
  });

  it('refuses questions not drawn, foreign options, duplicates and several options on a single-choice question', () => {
    expect(
      answerProblems(drawn, quiz, [
        { questionId: 'undrawn', optionIds: ['u1'] },
        { questionId: 'single', optionIds: ['m1'] },
        { questionId: 'multi', optionIds: ['m1'] },
        { questionId: 'multi', optionIds: ['m2'] },
      ]),
    ).toEqual([
      { field: 'answers[0].questionId', message: 'is not a question of this attempt' },
      { field: 'answers[1].optionIds', message: 'contains an option that is not of this question' },
      { field: 'answers[3].questionId', message: 'is answered twice' },
    ]);
    expect(answerProblems(drawn, quiz, [{ questionId: 'single', optionIds: ['s1', 's2'] }])).toEqual([
      { field: 'answers[0].optionIds', message: 'a single-choice question takes one option' },
    ]);
    expect(answerProblems(drawn, quiz, [{ questionId: 'multi', optionIds: [] }])).toEqual([]);
  });
});
