import { Inject, Injectable } from '@nestjs/common';
import { ADVISORY_LOCKS, APP_CONFIG, AppConfig, TransactionHost } from '@lms/core';
import { TooManyAttempts } from '../identity.errors';

/** Failures from one address within the window before it gets 429. */
export const ADDRESS_FAILURE_LIMIT = 30;

/**
 * Lockout by username (known or not, so existence does not leak) and
 * throttling by address, both counted in the database so that every API
 * process sees the same numbers.
 *
 * An attempt is counted as a failure *before* its password is verified, in
 * the same short transaction as the check and under a lock on the username
 * and on the address: N parallel attempts cannot all pass the check while
 * the (slow) hashes run, so at most the threshold of guesses is ever verified.
 * A success turns the attempt's row into a success afterwards.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses (429) when the username or address is over its limit, else counts the attempt as failed; returns its id. */
  async begin(username: string, ip: string): Promise<string> {
    const name = username.slice(0, 64);
    const address = ip.slice(0, 64);
    return this.tx.withTransaction(async () => {
      // Always the username's lock first, then the address's: no two attempts wait on each other in a cycle.
      await this.tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADVISORY_LOCKS.loginUsername, name]);
      await this.tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADVISORY_LOCKS.loginAddress, address]);
      await this.assertAllowed(name, address);
      const [{ id }] = await this.tx.query<{ id: string }>(
        'INSERT INTO login_attempt (username, ip, succeeded) VALUES ($1, $2, false) RETURNING id',
        [name, address],
      );
      return id;
    });
  }

  /** The attempt got in: it counts as a success (which ends the username's run of failures). */
  async succeeded(attemptId: string): Promise<void> {
    await this.tx.query('UPDATE login_attempt SET succeeded = true WHERE id = $1', [attemptId]);
  }

  /**
   * The attempt proved the password but did not try a second factor: it is
   * neither a failure nor a success (a success would reset the count that
   * limits guesses of the second factor).
   */
  async withdrawn(attemptId: string): Promise<void> {
    await this.tx.query('DELETE FROM login_attempt WHERE id = $1', [attemptId]);
  }

  private async assertAllowed(username: string, ip: string): Promise<void> {
    const minutes = this.config.loginLockoutMinutes;
    const [row] = await this.tx.query<{ by_name: number; by_ip: number; retry: number | null }>(
      `WITH recent AS (
         SELECT * FROM login_attempt WHERE at > now() - make_interval(mins => $3) AND (username = $1 OR ip = $2)
       ), since_success AS (
         SELECT * FROM recent r WHERE r.username = $1 AND NOT r.succeeded
           AND r.at > coalesce((SELECT max(at) FROM recent WHERE username = $1 AND succeeded), '-infinity')
       )
       SELECT (SELECT count(*) FROM since_success)::int AS by_name,
              (SELECT count(*) FROM recent WHERE ip = $2 AND NOT succeeded)::int AS by_ip,
              (SELECT ceil(extract(epoch FROM max(at) + make_interval(mins => $3) - now())) FROM since_success)::int AS retry`,
      [username, ip, minutes],
    );
    if (row.by_name >= this.config.loginLockoutThreshold || row.by_ip >= ADDRESS_FAILURE_LIMIT) {
      throw new TooManyAttempts(Math.max(row.retry ?? minutes * 60, 1));
    }
  }
}
