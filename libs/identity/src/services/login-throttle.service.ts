import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, TransactionHost } from '@lms/core';
import { TooManyAttempts } from '../identity.errors';

/** Failures from one address within the window before it gets 429. */
export const ADDRESS_FAILURE_LIMIT = 30;

/**
 * Lockout by username (known or not, so existence does not leak) and
 * throttling by address, both counted in the database so that every API
 * process sees the same numbers.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(username: string, ip: string): Promise<void> {
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

  async recordAttempt(username: string, ip: string, succeeded: boolean): Promise<void> {
    await this.tx.query('INSERT INTO login_attempt (username, ip, succeeded) VALUES ($1, $2, $3)', [
      username.slice(0, 64),
      ip.slice(0, 64),
      succeeded,
    ]);
  }
}
