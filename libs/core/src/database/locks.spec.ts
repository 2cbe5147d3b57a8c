import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADVISORY_LOCKS } from './locks';

describe('ADVISORY_LOCKS', () => {
  it('gives every feature its own key', () => {
    const keys = Object.values(ADVISORY_LOCKS);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fits every key in a 32-bit integer, as the two-key form of the lock functions needs', () => {
    for (const key of Object.values(ADVISORY_LOCKS)) {
      expect(Number.isInteger(key)).toBe(true);
      expect(key).toBeGreaterThan(0);
      expect(key).toBeLessThan(2 ** 31);
    }
  });
});

describe('advisory locks in the code', () => {
  const root = join(__dirname, '../../../..');
  const sources = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
    });

  it('takes every key from ADVISORY_LOCKS, never a number of its own', () => {
    const text = (file: string) => readFileSync(join(root, file), 'utf8');
    const callers = [...sources('libs'), ...sources('apps')].filter(
      (file) =>
        file !== join('libs/core/src/database/locks.ts') && /pg_(try_)?advisory_(xact_)?(un)?lock/.test(text(file)),
    );
    expect(callers.length).toBeGreaterThanOrEqual(4); // migrations, audit chain, recurrence, trainer calendar
    expect(callers.filter((file) => !text(file).includes('ADVISORY_LOCKS.'))).toEqual([]);
  });
});
