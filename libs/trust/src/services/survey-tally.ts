import { DISTRUST_REASONS, OFFICER_QUALITIES, OPINION_SOURCES, SURVEY_TRUST_LEVELS } from '../entities/trust.entities';
import { AnswerShare } from '../dto/survey.response';
import { shown } from './minimum';
import { THESIS_BASELINE } from './thesis-baseline';

/** Counts of one set of survey responses, as one SQL statement returns them. */
export interface SurveyCounts {
  responses: number;
  /** Responses that did not answer "trust": the base of the reasons for distrust. */
  doubting: number;
  sourced: number;
  qualified: number;
  levels: Record<string, number> | null;
  reasons: Record<string, number> | null;
  sources: Record<string, number> | null;
  qualities: Record<string, number> | null;
}

/** The tally of the responses `where` selects (alias `r`, with `$n` parameters of the caller). */
export function surveyCountsSql(from: string): string {
  return `WITH r AS MATERIALIZED (SELECT r.* FROM ${from})
    SELECT (SELECT count(*)::int FROM r) AS responses,
           (SELECT count(*)::int FROM r WHERE trust_level <> 'trust') AS doubting,
           (SELECT count(*)::int FROM r WHERE opinion_source IS NOT NULL) AS sourced,
           (SELECT count(*)::int FROM r WHERE cardinality(qualities) > 0) AS qualified,
           (SELECT jsonb_object_agg(k, n) FROM (SELECT trust_level AS k, count(*)::int AS n FROM r GROUP BY 1) x) AS levels,
           (SELECT jsonb_object_agg(k, n) FROM (SELECT unnest(distrust_reasons) AS k, count(*)::int AS n FROM r GROUP BY 1) x) AS reasons,
           (SELECT jsonb_object_agg(k, n) FROM (SELECT opinion_source AS k, count(*)::int AS n FROM r WHERE opinion_source IS NOT NULL GROUP BY 1) x) AS sources,
           (SELECT jsonb_object_agg(k, n) FROM (SELECT unnest(qualities) AS k, count(*)::int AS n FROM r GROUP BY 1) x) AS qualities`;
}

function shares(
  answers: readonly string[],
  counts: Record<string, number> | null,
  base: number,
  responses: number,
  baseline: Record<string, number | null>,
): AnswerShare[] {
  return answers.map((answer) => {
    const count = counts?.[answer] ?? 0;
    return {
      answer,
      count,
      share: base > 0 ? shown((100 * count) / base, responses, 1) : null,
      baseline: baseline[answer] ?? null,
    };
  });
}

/** Shares beside the thesis's figures; no share under 5 responses. */
export function surveyShares(c: SurveyCounts) {
  return {
    responses: c.responses,
    trustLevels: shares(SURVEY_TRUST_LEVELS, c.levels, c.responses, c.responses, THESIS_BASELINE.trustLevels),
    distrustReasons: shares(DISTRUST_REASONS, c.reasons, c.doubting, c.responses, THESIS_BASELINE.distrustReasons),
    opinionSources: shares(OPINION_SOURCES, c.sources, c.sourced, c.responses, THESIS_BASELINE.opinionSources),
    qualities: shares(OFFICER_QUALITIES, c.qualities, c.qualified, c.responses, THESIS_BASELINE.qualities),
    baselineSource: THESIS_BASELINE.source,
  };
}
