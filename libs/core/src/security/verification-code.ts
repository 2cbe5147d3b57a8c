import { randomBytes } from 'node:crypto';

/** Verification codes printed on certificates and frozen reports. Crockford's base32: digits and capitals without I, L, O, U, so a code read off paper is typed right. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters of 5 bits: 80 random bits, far beyond guessing through the public route. */
export const CODE_LENGTH = 16;

export function newVerificationCode(): string {
  const bytes = randomBytes((CODE_LENGTH * 5) / 8);
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return code;
}

/**
 * A code as someone typed it: any case, grouped with hyphens or spaces, O
 * for 0, I or L for 1. Null when it cannot be a code at all.
 */
export function normalizeVerificationCode(input: string): string | null {
  if (input.length > 64) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** ABCD-EFGH-JKMN-PQRS: for print. */
export function groupVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}
