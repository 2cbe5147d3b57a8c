import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why an enrolment exists when it is neither a rule's nor an order's: a
 * refresher after a substantiated complaint, with the complaint's category.
 * Reports count such enrolments apart from the ordinary assignments.
 */
export class EnrollmentReason1796006619737 implements MigrationInterface {
  name = 'EnrollmentReason1796006619737';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "enrollment" ADD "reason" character varying(40), ADD "reason_detail" character varying(60)`,
    );
    await runner.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "CHK_enrollment_reason" CHECK ("reason" IS NULL OR "reason" IN ('complaint-refresher'))`,
    );
    await runner.query(`CREATE INDEX "IDX_enrollment_reason" ON "enrollment" ("reason") WHERE "reason" IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "IDX_enrollment_reason"`);
    await runner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "CHK_enrollment_reason"`);
    await runner.query(`ALTER TABLE "enrollment" DROP COLUMN "reason_detail", DROP COLUMN "reason"`);
  }
}
