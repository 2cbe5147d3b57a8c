import type { Rubric } from '@lms/catalogue';
import type { FieldProblem } from '@lms/core';
import type { CriterionScore } from '../entities/practical-assessment.entity';

/** Every criterion of the rubric exactly once, each score within 0..maxScore. */
export function scoreProblems(rubric: Rubric, scores: CriterionScore[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const criteria = new Map(rubric.criteria.map((c) => [c.id, c]));
  const seen = new Set<string>();
  scores.forEach((entry, i) => {
    const criterion = criteria.get(entry.criterionId);
    if (!criterion) {
      problems.push({ field: `scores[${i}].criterionId`, message: 'is not a criterion of this rubric' });
      return;
    }
    if (seen.has(entry.criterionId)) problems.push({ field: `scores[${i}].criterionId`, message: 'is scored twice' });
    seen.add(entry.criterionId);
    if (!(entry.score >= 0 && entry.score <= criterion.maxScore))
      problems.push({ field: `scores[${i}].score`, message: `must be between 0 and ${criterion.maxScore}` });
  });
  for (const criterion of rubric.criteria) {
    if (!seen.has(criterion.id)) problems.push({ field: 'scores', message: `criterion ${criterion.id} is not scored` });
  }
  return problems;
}

/**
 * Σ weight × score / maxScore over the criteria (weights sum to 100), to two
 * decimals; the pass decision compares this rounded figure, so what is shown
 * is what was judged.
 */
export function weightedPercent(rubric: Rubric, scores: CriterionScore[]): number {
  const given = new Map(scores.map((s) => [s.criterionId, s.score]));
  const total = rubric.criteria.reduce((sum, c) => sum + (c.weight * (given.get(c.id) ?? 0)) / c.maxScore, 0);
  return Math.round(total * 100) / 100;
}
