import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TOTP secrets are stored sealed (AES-256-GCM, `v1:<key id>:<iv>:<ciphertext>`),
 * longer than the base32 secret. The key is not known to migrations: the API
 * seals secrets still in plain text at its first start (TotpSecrets.prepare).
 */
export class SealedTotpSecrets1796002062030 implements MigrationInterface {
  name = 'SealedTotpSecrets1796002062030';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "user_account" ALTER COLUMN "totp_secret" TYPE text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    // A sealed secret cannot go back without the key: those second factors are reset (admins re-enrol them).
    await runner.query(
      `UPDATE "user_account" SET "totp_secret" = NULL, "totp_enabled" = false WHERE length("totp_secret") > 100`,
    );
    await runner.query(`ALTER TABLE "user_account" ALTER COLUMN "totp_secret" TYPE character varying(100)`);
  }
}
