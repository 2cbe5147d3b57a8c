import { Transform } from 'class-transformer';

/**
 * Trims a text and puts it in Unicode NFC, so that a name typed with
 * combining marks (a decomposed "қ" or "й") is stored and matched like the
 * precomposed one. Arrays are cleaned element by element; anything else is
 * left as it is for the validators to judge.
 */
export function cleanText(value: string): string;
export function cleanText(value: unknown): unknown;
export function cleanText(value: unknown): unknown {
  if (typeof value === 'string') return value.trim().normalize('NFC');
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === 'string' ? cleanText(item) : item));
  return value;
}

/** The transform of every free-text DTO field: trimmed and NFC (see `cleanText`). Put it before the validators. */
export const CleanText = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => cleanText(value));
