import { MigrationInterface, QueryRunner } from 'typeorm';

export class TotpReplayGuard1795621968840 implements MigrationInterface {
  name = 'TotpReplayGuard1795621968840';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "user_account" ADD "totp_last_step" bigint`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "user_account" DROP COLUMN "totp_last_step"`);
  }
}
