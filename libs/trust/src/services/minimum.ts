/** No average or share is shown over fewer responses than this (per officer or per unit): the rule. */
export const MINIMUM_RESPONSES = 5;

/** The figure when there are enough responses behind it, else null; rounded to `digits`. */
export function shown(value: number | string | null, responses: number, digits = 2): number | null {
  if (value === null || responses < MINIMUM_RESPONSES) return null;
  const factor = 10 ** digits;
  return Math.round(Number(value) * factor) / factor;
}
