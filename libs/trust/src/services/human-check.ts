import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * A check that a person fills in the form, needing no outside service: a
 * small sum to solve, signed by the server with the moment it was asked
 * (nothing is stored), refused when answered wrong, sooner than a person
 * can read the form, or after it went stale.
 */
export const HUMAN_CHECK_MIN_MS = 2_000;
export const HUMAN_CHECK_MAX_MS = 2 * 60 * 60 * 1000;

export interface HumanChallenge {
  /** Shown to the person: `{a} + {b}`. */
  a: number;
  b: number;
  /** Sent back with the answer. */
  token: string;
}

export type HumanCheckVerdict = 'ok' | 'wrong' | 'too-fast' | 'expired' | 'malformed';

export class HumanCheck {
  constructor(private readonly secret: string) {}

  /** A new sum for the form about `subject` (a feedback code or survey code). */
  issue(subject: string, now: Date): HumanChallenge {
    const a = randomInt(1, 10);
    const b = randomInt(1, 10);
    const issued = now.getTime();
    return { a, b, token: `${issued}.${a}.${b}.${this.sign(subject, issued, a, b)}` };
  }

  verify(subject: string, token: unknown, answer: unknown, now: Date): HumanCheckVerdict {
    if (typeof token !== 'string' || token.length > 200) return 'malformed';
    const match = /^(\d{1,15})\.(\d)\.(\d)\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return 'malformed';
    const [issued, a, b] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const expected = Buffer.from(this.sign(subject, issued, a, b));
    const given = Buffer.from(match[4]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'malformed';
    const age = now.getTime() - issued;
    if (age < HUMAN_CHECK_MIN_MS) return 'too-fast';
    if (age > HUMAN_CHECK_MAX_MS) return 'expired';
    const typed = typeof answer === 'number' ? answer : typeof answer === 'string' ? Number(answer.trim()) : Number.NaN;
    return Number.isInteger(typed) && typed === a + b ? 'ok' : 'wrong';
  }

  private sign(subject: string, issued: number, a: number, b: number): string {
    return createHmac('sha256', this.secret).update(`human-check|${subject}|${issued}|${a}|${b}`).digest('base64url');
  }
}
