import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyId, SecretBox } from './sealed-text';
import { keyFromEnvOrDataDir } from './secret-key';

const key = (fill: number) => Buffer.alloc(32, fill);

describe('SecretBox', () => {
  it('opens what it sealed, only in the same context', () => {
    const box = new SecretBox(key(1));
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'totp:a');
    expect(sealed).toMatch(new RegExp(`^v1:${keyId(key(1))}:`));
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'totp:a')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => box.open(sealed, 'totp:b')).toThrow();
  });

  it('opens with a previous key, and says what to re-seal', () => {
    const old = new SecretBox(key(1)).seal('secret', 'c');
    const rotated = new SecretBox(key(2), [key(1)]);
    expect(rotated.isCurrent(old)).toBe(false);
    expect(rotated.open(old, 'c')).toBe('secret');
    expect(() => new SecretBox(key(2)).open(old, 'c')).toThrow(/not configured/);
  });

  it('refuses an altered value', () => {
    const box = new SecretBox(key(1));
    const sealed = box.seal('secret', 'c');
    const altered = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'BB' : 'AA');
    expect(() => box.open(altered, 'c')).toThrow();
  });
});

describe('keyFromEnvOrDataDir', () => {
  const options = (dataDir: string, value: string | null, problems: string[]) => ({
    envName: 'TEST_KEY',
    value,
    dataDir,
    fileName: 'test-key',
    bytes: 32,
    problems,
  });

  it('generates the key once into the data folder, readable by the owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lms-key-'));
    const first = keyFromEnvOrDataDir(options(dir, null, []));
    expect(first).toHaveLength(32);
    expect(statSync(join(dir, 'test-key')).mode & 0o777).toBe(0o600);
    expect(keyFromEnvOrDataDir(options(dir, null, []))).toEqual(first);
  });

  it('takes the environment first and names a malformed value or file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lms-key-'));
    expect(keyFromEnvOrDataDir(options(dir, key(3).toString('base64'), []))).toEqual(key(3));
    const problems: string[] = [];
    expect(keyFromEnvOrDataDir(options(dir, 'short', problems))).toBeNull();
    writeFileSync(join(dir, 'test-key'), 'damaged\n');
    expect(keyFromEnvOrDataDir(options(dir, null, problems))).toBeNull();
    expect(problems).toEqual([
      expect.stringMatching(/^TEST_KEY must be 32/),
      expect.stringMatching(/test-key must hold/),
    ]);
    expect(readFileSync(join(dir, 'test-key'), 'utf8')).toBe('damaged\n');
  });
});
