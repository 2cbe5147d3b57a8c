import { StatementNames } from './statement-names';

describe('StatementNames', () => {
  it('names a text from its third run on, the same name every time', () => {
    const names = new StatementNames();
    const text = 'SELECT * FROM unit WHERE id = $1';
    expect(names.nameOf(text)).toBeUndefined();
    expect(names.nameOf(text)).toBeUndefined();
    const name = names.nameOf(text);
    expect(name).toMatch(/^lms_[0-9a-f]{20}$/);
    expect(names.nameOf(text)).toBe(name);
  });

  it('gives different texts different names', () => {
    const names = new StatementNames();
    const of = (text: string) => [1, 2, 3].map(() => names.nameOf(text)).at(-1);
    expect(of('SELECT 1 WHERE $1::int = 1')).not.toBe(of('SELECT 2 WHERE $1::int = 1'));
  });

  it('stops naming new texts beyond its cap, and keeps the names it gave', () => {
    const names = new StatementNames();
    const first = [1, 2, 3].map(() => names.nameOf('SELECT $1::int AS n0')).at(-1);
    for (let i = 1; i < 1_000; i++) for (let run = 0; run < 3; run++) names.nameOf(`SELECT $1::int AS n${i}`);
    expect([1, 2, 3].map(() => names.nameOf('SELECT $1::int AS fresh')).at(-1)).toBeUndefined();
    expect(names.nameOf('SELECT $1::int AS n0')).toBe(first);
  });
});

describe('StatementNames.renew', () => {
  it('gives a text whose statement went stale a new name each time', () => {
    const names = new StatementNames();
    const text = 'SELECT * FROM unit WHERE id = $1';
    const first = [1, 2, 3].map(() => names.nameOf(text)).at(-1)!;
    names.renew(text);
    const second = names.nameOf(text)!;
    names.renew(text);
    const third = names.nameOf(text)!;
    expect(new Set([first, second, third]).size).toBe(3);
    expect(second.startsWith(first)).toBe(true);
    names.renew('SELECT never named');
    expect(names.nameOf('SELECT never named')).toBeUndefined();
  });
});
