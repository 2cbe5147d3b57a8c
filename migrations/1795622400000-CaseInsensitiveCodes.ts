import { MigrationInterface, QueryRunner } from 'typeorm';

/** Codes keep the case they were given, but two codes may not differ by case alone. */
export class CaseInsensitiveCodes1795622400000 implements MigrationInterface {
  name = 'CaseInsensitiveCodes1795622400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE UNIQUE INDEX "UQ_unit_code_ci" ON "unit" (lower("code"))`);
    await runner.query(`CREATE UNIQUE INDEX "UQ_course_code_ci" ON "course" (lower("code"))`);
    await runner.query(`CREATE UNIQUE INDEX "UQ_programme_code_ci" ON "programme" (lower("code"))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "UQ_programme_code_ci"`);
    await runner.query(`DROP INDEX "UQ_course_code_ci"`);
    await runner.query(`DROP INDEX "UQ_unit_code_ci"`);
  }
}
