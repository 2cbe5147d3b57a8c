import { createHash } from 'node:crypto';

/** A text becomes a prepared statement once it has run this many times: it recurs, it is not one of a kind. */
const RECURRING_AFTER = 3;
/** At most this many texts are prepared (each connection keeps each one it has run until it closes). */
const MAX_PREPARED = 400;
/** Texts counted but not yet recurring, forgotten beyond this many (one-off texts must not grow a map). */
const MAX_COUNTED = 2_000;

/**
 * Names for statements that recur, so that `pg` prepares each once per
 * connection and then only binds and executes it: PostgreSQL skips parsing
 * and analysing the text on every run, and may keep its plan. A text that
 * has not yet recurred, or beyond the cap, runs unnamed as before.
 */
export class StatementNames {
  private readonly named = new Map<string, string>();
  private readonly counted = new Map<string, number>();

  nameOf(text: string): string | undefined {
    const name = this.named.get(text);
    if (name) return name;
    if (this.named.size >= MAX_PREPARED) return undefined;
    const runs = (this.counted.get(text) ?? 0) + 1;
    if (runs < RECURRING_AFTER) {
      if (this.counted.size >= MAX_COUNTED) this.counted.clear();
      this.counted.set(text, runs);
      return undefined;
    }
    this.counted.delete(text);
    const fresh = `lms_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    this.named.set(text, fresh);
    return fresh;
  }

  /**
   * A new name for a text whose prepared statement went stale (its tables
   * changed shape): each connection keeps what it prepared under the old
   * name, so only a new name makes them prepare it again.
   */
  renew(text: string): void {
    const name = this.named.get(text);
    if (!name) return;
    const generation = Number(/_(\d+)$/.exec(name.slice(24))?.[1] ?? 0) + 1;
    this.named.set(text, `${name.slice(0, 24)}_${generation}`);
  }
}
