import type { Rubric } from '@lms/catalogue';
import { scoreProblems, weightedPercent } from './rubric-scoring';

const rubric: Rubric = {
  criteria: [
    { id: 'safety', description: { kk: 's', ru: 's' }, weight: 50, maxScore: 4 },
    { id: 'words', description: { kk: 'w', ru: 'w' }, weight: 30, maxScore: 5 },
    { id: 'closing', description: { kk: 'c', ru: 'c' }, weight: 20, maxScore: 2 },
  ],
  passThreshold: 70,
};

describe('scoring a practical assessment', () => {
  it('weights each criterion by its share of the total', () => {
    const scores = [
      { criterionId: 'safety', score: 3 },
      { criterionId: 'words', score: 4 },
      { criterionId: 'closing', score: 1 },
    ];
    expect(weightedPercent(rubric, scores)).toBe(71.5); // 37.5 + 24 + 10
    expect(
      weightedPercent(rubric, [
        { criterionId: 'safety', score: 4 },
        { criterionId: 'words', score: 5 },
        { criterionId: 'closing', score: 2 },
      ]),
    ).toBe(100);
  });

  it('rounds to two decimals', () => {
    const thirds: Rubric = {
      criteria: [{ id: 'a', description: { kk: 'a', ru: 'a' }, weight: 100, maxScore: 3 }],
      passThreshold: 50,
    };
    expect(weightedPercent(thirds, [{ criterionId: 'a', score: 1 }])).toBe(33.33);
  });

  it('requires every criterion exactly once, within its range', () => {
    expect(
      scoreProblems(rubric, [
        { criterionId: 'safety', score: 5 },
        { criterionId: 'safety', score: 1 },
        { criterionId: 'nope', score: 1 },
        { criterionId: 'words', score: -1 },
      ]),
    ).toEqual([
      { field: 'scores[0].score', message: 'must be between 0 and 4' },
      { field: 'scores[1].criterionId', message: 'is scored twice' },
      { field: 'scores[2].criterionId', message: 'is not a criterion of this rubric' },
      { field: 'scores[3].score', message: 'must be between 0 and 5' },
      { field: 'scores', message: 'criterion closing is not scored' },
    ]);
  });
});
