import { DistrustReason, OfficerQuality, OpinionSource, SurveyTrustLevel } from '../entities/trust.entities';

/**
 * The thesis's figures (shared/sources/THESIS-DIGEST.md, section 3), the
 * baseline a region's survey is set against. Percentages; null where the
 * thesis gives no figure for an answer we offer.
 *
 * - Trust levels and reasons for distrust: the National Statistics Bureau,
 *   October-November 2024 (L2189-2213). The reasons are multiple-choice and
 *   sum to 142.7%; their base is not stated.
 * - Sources of opinion and qualities of a good officer: the author's own
 *   survey of 49 civilians (L2236-2263); sources were single-choice.
 */
export const THESIS_BASELINE: {
  source: string;
  trustLevels: Record<SurveyTrustLevel, number>;
  distrustReasons: Record<DistrustReason, number>;
  opinionSources: Record<OpinionSource, number | null>;
  qualities: Record<OfficerQuality, number | null>;
} = {
  source:
    'National Statistics Bureau, Oct-Nov 2024 (trust, reasons); the thesis author’s survey of 49 (sources, qualities)',
  trustLevels: { trust: 64.3, partly: 26.9, rather_distrust: 3.9, distrust: 3.4, hard_to_say: 1.5 },
  distrustReasons: {
    corruption: 33.7,
    formalism: 20,
    bad_experience: 19.1,
    punishment: 17.1,
    fear: 16.6,
    media: 13.4,
    never_dealt: 11.5,
    closed: 7.5,
    protects_state: 3.7,
    other: 0.1,
  },
  opinionSources: { tv: 42.9, personal: 32.7, friends_family: 24.5, social_networks: null, other: null },
  qualities: {
    educated: 65.3,
    patriot: 63.3,
    responsible: 61.2,
    honest: null,
    polite: null,
    fair: null,
    professional: null,
  },
};
