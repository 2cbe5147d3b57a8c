import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A completion stays valid for its course version's `validityMonths` unless
 * the rule sets its own (`validity_months`); the rule's recurrence no longer
 * shortens it. Completions (and their certificates) cut short by a shorter
 * recurrence get the version's validity back.
 */
export class RuleValidityMonths1796002325736 implements MigrationInterface {
  name = 'RuleValidityMonths1796002325736';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "assignment_rule" ADD "validity_months" integer,
         ADD CONSTRAINT "CHK_assignment_rule_validity_months" CHECK ("validity_months" BETWEEN 1 AND 240)`,
    );
    await runner.query(
      `UPDATE "enrollment" e
          SET "expires_at" = e."completed_at" + make_interval(months => (v."content"->>'validityMonths')::int)
         FROM "course_version" v, "assignment_rule" r
        WHERE v."id" = e."course_version_id" AND r."id" = e."rule_id" AND e."status" = 'completed'
          AND e."completed_at" IS NOT NULL AND jsonb_typeof(v."content"->'validityMonths') = 'number'
          AND r."recurrence_months" < (v."content"->>'validityMonths')::int`,
    );
    await runner.query(
      `UPDATE "certificate" c SET "expires_at" = e."expires_at" FROM "enrollment" e
        WHERE e."id" = c."enrollment_id" AND c."expires_at" IS DISTINCT FROM e."expires_at"`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "assignment_rule" DROP COLUMN "validity_months"`);
  }
}
