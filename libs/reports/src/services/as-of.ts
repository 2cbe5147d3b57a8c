import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@lms/core';
import { AsOfInFuture } from '../reports.errors';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Clocks differ a little between a client and us; a moment this close to now means now. */
const SKEW_MS = 5 * 60_000;

/** Turns the `asOf` a caller gives into an instant. */
@Injectable()
export class AsOfResolver {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Nothing: now. A day: the end of that day in the unit's time zone (as for
   * due dates), or now while that day is still running. An instant: itself;
   * a future one cannot be reported on.
   */
  async resolve(asOf: string | undefined, timezone: string): Promise<Date> {
    const now = new Date();
    if (!asOf) return now;
    if (DAY.test(asOf)) {
      const [{ end }] = await this.tx.query<{ end: Date }>(
        `SELECT (($1::date + 1)::timestamp AT TIME ZONE $2) AS "end"`,
        [asOf, timezone],
      );
      return end.getTime() < now.getTime() ? end : now;
    }
    const instant = new Date(asOf);
    if (instant.getTime() > now.getTime() + SKEW_MS) throw new AsOfInFuture();
    return instant.getTime() < now.getTime() ? instant : now;
  }
}
