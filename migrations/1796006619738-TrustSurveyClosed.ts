import { MigrationInterface, QueryRunner } from 'typeorm';

/** HR closes a population survey before the end of its period: from then on it takes no answers. */
export class TrustSurveyClosed1796006619738 implements MigrationInterface {
  name = 'TrustSurveyClosed1796006619738';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "trust_survey" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "trust_survey" DROP COLUMN "closed_at"`);
  }
}
