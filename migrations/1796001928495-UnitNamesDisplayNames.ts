import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unit's name in each language (`{ "kk", "ru", "en"? }`; `name` stays the
 * name of record that older clients read), and an account's display name for
 * staff without a personnel record (an officer's comes from that record).
 */
export class UnitNamesDisplayNames1796001928495 implements MigrationInterface {
  name = 'UnitNamesDisplayNames1796001928495';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "unit" ADD "names" jsonb NOT NULL DEFAULT '{}'`);
    await runner.query(`ALTER TABLE "unit" ADD CONSTRAINT "CHK_unit_names" CHECK (jsonb_typeof("names") = 'object')`);
    await runner.query(`ALTER TABLE "user_account" ADD "display_name" character varying(200)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "user_account" DROP COLUMN "display_name"`);
    await runner.query(`ALTER TABLE "unit" DROP CONSTRAINT "CHK_unit_names"`);
    await runner.query(`ALTER TABLE "unit" DROP COLUMN "names"`);
  }
}
