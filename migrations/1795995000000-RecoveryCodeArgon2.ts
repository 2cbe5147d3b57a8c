import { MigrationInterface, QueryRunner } from 'typeorm';

/** Recovery codes are hashed with argon2 (a longer hash than SHA-256's 64 hex digits); older SHA-256 rows stay valid. */
export class RecoveryCodeArgon21795995000000 implements MigrationInterface {
  name = 'RecoveryCodeArgon21795995000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "recovery_code" ALTER COLUMN "code_hash" TYPE text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM "recovery_code" WHERE length("code_hash") <> 64`);
    await runner.query(`ALTER TABLE "recovery_code" ALTER COLUMN "code_hash" TYPE character(64)`);
  }
}
