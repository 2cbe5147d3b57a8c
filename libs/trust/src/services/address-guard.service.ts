import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, TransactionHost } from '@lms/core';
import { TooManyFromAddress } from '../trust.errors';

/** Public answers (feedback and surveys together) one address may give in an hour. */
export const ADDRESS_LIMIT_PER_HOUR = 20;

/**
 * What the public pages know of a citizen's address: never the address,
 * only hashes salted with the day's random salt (Asia/Almaty days). The salt
 * is deleted after two days, and with it any way back to the address.
 */
@Injectable()
export class AddressGuard {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts one public answer from `address` in this hour and refuses past the
   * limit; returns the hash that identifies `address` with `subject` (an
   * officer or a survey) for today, for counting repeats once.
   */
  async admit(address: string, subject: string): Promise<string> {
    const now = this.clock.now();
    // The first answer of a day racing another: the loser sees the winner's salt on its second look.
    const row = (await this.count(now, address, subject)) ?? (await this.count(now, address, subject));
    if (!row) throw new Error('no salt for today');
    if (row.hits > ADDRESS_LIMIT_PER_HOUR) {
      const nextHour = Math.ceil(now.getTime() / 3_600_000) * 3_600_000;
      throw new TooManyFromAddress(Math.max(1, Math.round((nextHour - now.getTime()) / 1000)));
    }
    return row.repeat_key;
  }

  private async count(now: Date, address: string, subject: string) {
    const [row] = await this.tx.query<{ repeat_key: string; hits: number }>(
      `WITH day AS (SELECT ($1::timestamptz AT TIME ZONE 'Asia/Almaty')::date AS d),
       purged AS (DELETE FROM trust_salt WHERE day < (SELECT d FROM day) - 1),
       purged_hits AS (DELETE FROM trust_address_hit WHERE window_start < $1::timestamptz - interval '1 day'),
       fresh AS (
         INSERT INTO trust_salt (day, salt) SELECT d, $4::bytea FROM day
         ON CONFLICT (day) DO NOTHING RETURNING salt
       ),
       salt AS (SELECT salt FROM fresh UNION ALL SELECT s.salt FROM trust_salt s, day WHERE s.day = day.d LIMIT 1),
       hit AS (
         INSERT INTO trust_address_hit (address_key, window_start, hits)
         SELECT encode(sha256(salt || convert_to('address|' || $2, 'UTF8')), 'hex'), date_trunc('hour', $1::timestamptz), 1 FROM salt
         ON CONFLICT (address_key, window_start) DO UPDATE SET hits = trust_address_hit.hits + 1
         RETURNING hits
       )
       SELECT encode(sha256(salt || convert_to('repeat|' || $2 || '|' || $3, 'UTF8')), 'hex') AS repeat_key,
              (SELECT hits FROM hit) AS hits
       FROM salt`,
      [now, address, subject, randomBytes(32)],
    );
    return row as { repeat_key: string; hits: number } | undefined;
  }
}
