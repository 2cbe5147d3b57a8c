import { MigrationInterface, QueryRunner } from 'typeorm';

/** The interface language a user chose on the pages, remembered across devices. */
export class UserLanguage1795624000000 implements MigrationInterface {
  name = 'UserLanguage1795624000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "user_account" ADD "language" character varying(2)`);
    await runner.query(
      `ALTER TABLE "user_account" ADD CONSTRAINT "CHK_user_account_language" CHECK ("language" IN ('kk', 'ru', 'en'))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "CHK_user_account_language"`);
    await runner.query(`ALTER TABLE "user_account" DROP COLUMN "language"`);
  }
}
