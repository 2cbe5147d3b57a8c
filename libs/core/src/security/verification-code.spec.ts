import {
  CODE_LENGTH,
  groupVerificationCode,
  newVerificationCode,
  normalizeVerificationCode,
} from './verification-code';

describe('verification codes', () => {
  it('are 16 URL-safe characters of an unambiguous alphabet, and differ every time', () => {
    const codes = Array.from({ length: 2000 }, newVerificationCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(CODE_LENGTH).toBe(16);
  });

  it('use every character of the alphabet', () => {
    const seen = new Set(Array.from({ length: 500 }, newVerificationCode).join(''));
    expect(seen.size).toBe(32);
  });

  it('read back as typed by a person: any case, grouped, O for zero, I or L for one', () => {
    const code = newVerificationCode();
    expect(normalizeVerificationCode(code)).toBe(code);
    expect(normalizeVerificationCode(groupVerificationCode(code).toLowerCase())).toBe(code);
    expect(normalizeVerificationCode('0O1I-L234-5678-9ABC')).toBe('0011123456789ABC');
  });

  it('refuse what cannot be a code', () => {
    expect(normalizeVerificationCode('short')).toBeNull();
    expect(normalizeVerificationCode('ABCDEFGHJKMNPQRU')).toBeNull(); // U is not in the alphabet
    expect(normalizeVerificationCode('A'.repeat(500))).toBeNull();
    expect(normalizeVerificationCode('../../etc/passwd')).toBeNull();
  });

  it('group in fours for print', () => {
    expect(groupVerificationCode('ABCDEFGHJKMNPQRS')).toBe('ABCD-EFGH-JKMN-PQRS');
  });
});
