import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@lms/core';
import { JobRegistry } from '@lms/jobs';

/** Sign-in attempts are kept this long (far past any lockout window) for looking into an incident, then purged. */
export const LOGIN_ATTEMPT_RETENTION_DAYS = 30;

/** The scheduled housekeeping of identity: the security tables do not grow without end. */
@Injectable()
export class IdentityJobs {
  constructor(private readonly tx: TransactionHost) {}

  register(jobs: JobRegistry): void {
    jobs.defineSweep({
      name: 'identity.purge',
      cron: '17 3 * * *',
      description: 'purges old sign-in attempts and signed-out tokens past their expiry',
      sweep: (asOf) => this.purge(asOf),
    });
  }

  async purge(asOf: Date): Promise<{ loginAttempts: number; revokedTokens: number }> {
    const [{ attempts, tokens }] = await this.tx.query<{ attempts: number; tokens: number }>(
      `WITH a AS (DELETE FROM login_attempt WHERE at < $1::timestamptz - make_interval(days => $2) RETURNING 1),
            t AS (DELETE FROM revoked_token WHERE expires_at < $1 RETURNING 1)
       SELECT (SELECT count(*) FROM a)::int AS attempts, (SELECT count(*) FROM t)::int AS tokens`,
      [asOf, LOGIN_ATTEMPT_RETENTION_DAYS],
    );
    return { loginAttempts: attempts, revokedTokens: tokens };
  }
}
