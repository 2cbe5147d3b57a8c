import { HUMAN_CHECK_MAX_MS, HumanCheck } from './human-check';

describe('HumanCheck', () => {
  const check = new HumanCheck('a-secret-for-the-spec-of-32-chars!!');
  const asked = new Date('2026-05-01T10:00:00Z');
  const later = (ms: number) => new Date(asked.getTime() + ms);

  it('accepts the right sum given after a few seconds', () => {
    const c = check.issue('CODE', asked);
    expect(check.verify('CODE', c.token, String(c.a + c.b), later(5_000))).toBe('ok');
  });

  it('refuses a wrong sum, an answer sooner than a person reads, a stale form', () => {
    const c = check.issue('CODE', asked);
    expect(check.verify('CODE', c.token, c.a + c.b + 1, later(5_000))).toBe('wrong');
    expect(check.verify('CODE', c.token, c.a + c.b, later(500))).toBe('too-fast');
    expect(check.verify('CODE', c.token, c.a + c.b, later(HUMAN_CHECK_MAX_MS + 1))).toBe('expired');
  });

  it('refuses a token for another code, a forged one and garbage', () => {
    const c = check.issue('CODE', asked);
    expect(check.verify('OTHER', c.token, c.a + c.b, later(5_000))).toBe('malformed');
    const [issued, a, b, mac] = c.token.split('.');
    expect(check.verify('CODE', `${Number(issued) - 1000}.${a}.${b}.${mac}`, c.a + c.b, later(5_000))).toBe(
      'malformed',
    );
    expect(check.verify('CODE', 'nonsense', 2, later(5_000))).toBe('malformed');
    expect(check.verify('CODE', undefined, 2, later(5_000))).toBe('malformed');
  });
});
