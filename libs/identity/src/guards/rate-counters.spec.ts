import { RateCounters } from './rate-counters';

describe('RateCounters', () => {
  const MINUTE = 60_000;
  let counters: RateCounters;
  beforeEach(() => (counters = new RateCounters()));
  afterEach(() => counters.close());

  const spend = (n: number, at: number, key = 'user:a', limit = 10) =>
    Array.from({ length: n }, () => counters.hit(key, MINUTE, limit, MINUTE, at));

  it('lets the limit through and blocks the next request for the block duration', () => {
    expect(spend(10, 0).every((r) => !r.isBlocked)).toBe(true);
    const over = counters.hit('user:a', MINUTE, 10, MINUTE, 1_000);
    expect(over).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    // Still blocked, counting down, and the refusals are not counted.
    expect(counters.hit('user:a', MINUTE, 10, MINUTE, 31_000)).toMatchObject({
      isBlocked: true,
      timeToBlockExpire: 30,
    });
    // Other keys keep their own budget.
    expect(counters.hit('user:b', MINUTE, 10, MINUTE, 31_000).isBlocked).toBe(false);
  });

  it('weighs the previous window by how much of it is still within the last minute', () => {
    spend(10, 0);
    // Half-way through the next window half of the previous ten still count: five more pass, not ten.
    const passed = spend(8, MINUTE + 30_000).filter((r) => !r.isBlocked).length;
    expect(passed).toBe(5);
  });

  it('starts afresh after two idle windows', () => {
    spend(10, 0);
    expect(spend(10, 2 * MINUTE + 1).every((r) => !r.isBlocked)).toBe(true);
  });
});
