import type { ThrottlerStorage } from '@nestjs/throttler';

interface Counter {
  ttl: number;
  windowStart: number;
  current: number;
  previous: number;
  blockedUntil: number;
}

/**
 * The rate limits' counters, in O(1) per request: a sliding window
 * approximated from two fixed ones (the previous window's count, weighted by
 * how much of it still lies within the last `ttl`, plus the current one's).
 * The throttler's own storage keeps every hit's time and filters that list
 * on every request, so its cost grows with the limit: at a few hundred
 * requests a second from one address (a proxy, a load test) it allocated
 * arrays of tens of thousands of entries per request. Over the limit a key is
 * blocked for `blockDuration`, as with the throttler's storage; blocked
 * requests do not count.
 */
export class RateCounters implements ThrottlerStorage {
  private readonly counters = new Map<string, Counter>();
  private sweeper?: NodeJS.Timeout;

  async increment(key: string, ttl: number, limit: number, blockDuration: number) {
    return this.hit(key, ttl, limit, blockDuration, Date.now());
  }

  /** One request under `key` at `now` (milliseconds); synchronous, for the tests' clock. */
  hit(key: string, ttl: number, limit: number, blockDuration: number, now: number) {
    this.sweepEvery(ttl);
    let counter = this.counters.get(key);
    if (!counter) {
      counter = { ttl, windowStart: now, current: 0, previous: 0, blockedUntil: 0 };
      this.counters.set(key, counter);
    }
    const passed = Math.floor((now - counter.windowStart) / ttl);
    if (passed > 0) {
      counter.previous = passed === 1 ? counter.current : 0;
      counter.current = 0;
      counter.windowStart += passed * ttl;
    }
    const timeToExpire = Math.ceil((counter.windowStart + ttl - now) / 1000);
    if (counter.blockedUntil > now) {
      return {
        totalHits: counter.current + 1,
        timeToExpire,
        isBlocked: true,
        timeToBlockExpire: Math.ceil((counter.blockedUntil - now) / 1000),
      };
    }
    counter.current++;
    const estimate = counter.previous * (1 - (now - counter.windowStart) / ttl) + counter.current;
    if (estimate <= limit)
      return { totalHits: Math.ceil(estimate), timeToExpire, isBlocked: false, timeToBlockExpire: 0 };
    counter.current--; // a refused request is not counted, as with the throttler's storage
    counter.blockedUntil = now + blockDuration;
    return {
      totalHits: Math.ceil(estimate),
      timeToExpire,
      isBlocked: true,
      timeToBlockExpire: Math.ceil(blockDuration / 1000),
    };
  }

  /** Forgets counters idle for two windows and no longer blocked, once per window. */
  private sweepEvery(ttl: number): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      const now = Date.now();
      for (const [key, counter] of this.counters)
        if (now - counter.windowStart >= 2 * counter.ttl && counter.blockedUntil <= now) this.counters.delete(key);
    }, ttl);
    this.sweeper.unref();
  }

  close(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.counters.clear();
  }
}
