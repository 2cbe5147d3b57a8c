import { MigrationInterface, QueryRunner } from 'typeorm';

export class EnrollmentKeysForBulkSpeed1795621774317 implements MigrationInterface {
  name = 'EnrollmentKeysForBulkSpeed1795621774317';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_enrollment_course"`);
    await runner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_enrollment_rule"`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "FK_enrollment_rule" FOREIGN KEY ("rule_id") REFERENCES "assignment_rule"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "FK_enrollment_course" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }
}
