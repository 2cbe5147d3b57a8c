import { Clock } from './clock';

describe('Clock', () => {
  it('tells the real time without an offset', () => {
    const before = Date.now();
    const now = new Clock({ clockOffsetSeconds: 0 }).now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('runs ahead by the configured offset', () => {
    const now = new Clock({ clockOffsetSeconds: 3 * 86400 }).now().getTime();
    expect(now - Date.now()).toBeGreaterThan(3 * 86400 * 1000 - 1000);
    expect(now - Date.now()).toBeLessThanOrEqual(3 * 86400 * 1000);
  });
});
