import { randomInt } from 'node:crypto';

/** Crockford's base32 letters (no I, L, O, U): read off a card and typed without mistakes. */
const LETTERS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 10 characters: 50 random bits, far beyond guessing at the rate limits of the public pages. */
export const PUBLIC_CODE_LENGTH = 10;

/** A new public code for a feedback card or a survey link. */
export function newPublicCode(): string {
  return Array.from({ length: PUBLIC_CODE_LENGTH }, () => LETTERS[randomInt(LETTERS.length)]).join('');
}

/** A code as typed or scanned (any case, hyphens, O for 0, I or L for 1); null when it cannot be one. */
export function readPublicCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === PUBLIC_CODE_LENGTH && [...code].every((c) => LETTERS.includes(c)) ? code : null;
}

/** ABCDE-FGHJK: for print. */
export function printPublicCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
