import { Inject, Injectable, Logger } from '@nestjs/common';
import { ADVISORY_LOCKS, APP_CONFIG, AppConfig, ConfigError, SecretBox, TransactionHost } from '@lms/core';

/**
 * TOTP secrets at rest: sealed with AES-256-GCM under TOTP_ENCRYPTION_KEY
 * (or the key generated into DATA_DIR), bound to the user's id. Owns the
 * `user_account.totp_secret` column's format.
 */
@Injectable()
export class TotpSecrets {
  private readonly logger = new Logger('TotpSecrets');
  private readonly box: SecretBox;

  constructor(
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.box = new SecretBox(config.totpKeys.current, config.totpKeys.previous);
  }

  seal(userId: string, secret: string): string {
    return this.box.seal(secret, `totp:${userId}`);
  }

  open(userId: string, stored: string): string {
    return this.box.open(stored, `totp:${userId}`);
  }

  /** The secret, or null (logged) when the stored value does not open: altered, or copied from another account. */
  openOrNull(userId: string, stored: string): string | null {
    try {
      return this.open(userId, stored);
    } catch {
      this.logger.error({ userId }, 'a stored second-factor secret does not open with the configured key');
      return null;
    }
  }

  /**
   * At start-up, before serving: refuses (a ConfigError, so the process stops
   * with the reason) when stored secrets were sealed with a key that is not
   * configured; seals secrets stored in plain text (from before encryption)
   * and re-seals those of a previous key with the current one, in place.
   */
  async prepare(): Promise<void> {
    const changed = await this.tx.withTransaction(async () => {
      await this.tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.totpSealing]);
      const rows = await this.tx.query<{ id: string; totp_secret: string }>(
        'SELECT id, totp_secret FROM user_account WHERE totp_secret IS NOT NULL',
      );
      const unknown = new Set<string>();
      const updates: { id: string; sealed: string }[] = [];
      for (const row of rows) {
        const keyId = SecretBox.keyIdOf(row.totp_secret);
        if (keyId === this.box.currentKeyId) continue;
        if (keyId !== null && !this.box.knows(keyId)) unknown.add(keyId);
        else if (keyId === null) updates.push({ id: row.id, sealed: this.seal(row.id, row.totp_secret) });
        else updates.push({ id: row.id, sealed: this.seal(row.id, this.unseal(row.id, row.totp_secret)) });
      }
      if (unknown.size > 0)
        throw new ConfigError([
          `TOTP_ENCRYPTION_KEY (key id ${this.box.currentKeyId}) is not the key that sealed the stored second-factor ` +
            `secrets (key id ${[...unknown].join(', ')}); set the key they were sealed with, or give it in ` +
            'TOTP_ENCRYPTION_PREVIOUS_KEYS to rotate',
        ]);
      const current = rows.find((row) => SecretBox.keyIdOf(row.totp_secret) === this.box.currentKeyId);
      if (current) this.unseal(current.id, current.totp_secret); // a key whose id matches but does not open: refused too
      if (updates.length > 0)
        await this.tx.query(
          `UPDATE user_account a SET totp_secret = u.sealed FROM unnest($1::uuid[], $2::text[]) AS u(id, sealed) WHERE a.id = u.id`,
          [updates.map((u) => u.id), updates.map((u) => u.sealed)],
        );
      return updates.length;
    });
    if (changed > 0) this.logger.log(`sealed ${changed} second-factor secret(s) with key ${this.box.currentKeyId}`);
  }

  private unseal(userId: string, stored: string): string {
    try {
      return this.open(userId, stored);
    } catch {
      throw new ConfigError([
        `TOTP_ENCRYPTION_KEY does not open the stored second-factor secret of user ${userId}: the key or the value was changed`,
      ]);
    }
  }
}
