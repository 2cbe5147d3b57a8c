import { MigrationInterface, QueryRunner } from 'typeorm';

export class Assessments1795622936946 implements MigrationInterface {
  name = 'Assessments1795622936946';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "practical_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrollment_id" uuid NOT NULL, "course_version_id" uuid NOT NULL, "assessor_user_id" uuid NOT NULL, "scores" jsonb NOT NULL, "comment" character varying(4000), "score" numeric(5,2) NOT NULL, "passed" boolean NOT NULL, "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e17e13d570e163893a47d963ddf" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE INDEX "IDX_practical_assessment_enrollment" ON "practical_assessment"  ("enrollment_id") `,
    );
    await runner.query(
      `CREATE TABLE "quiz_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrollment_id" uuid NOT NULL, "course_version_id" uuid NOT NULL, "number" integer NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'open', "questions" jsonb NOT NULL, "answers" jsonb, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deadline" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "correct_count" integer, "score" integer, "passed" boolean, CONSTRAINT "CHK_quiz_attempt_score" CHECK ("score" IS NULL OR "score" BETWEEN 0 AND 100), CONSTRAINT "CHK_quiz_attempt_status" CHECK ("status" IN ('open', 'submitted', 'expired')), CONSTRAINT "PK_9a6c33ec08b4bcb74ca27701a94" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_quiz_attempt_one_open" ON "quiz_attempt"  ("enrollment_id") WHERE "status" = 'open'`,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_quiz_attempt_number" ON "quiz_attempt"  ("enrollment_id", "number") `);
    await runner.query(
      `ALTER TABLE "practical_assessment" ADD CONSTRAINT "FK_practical_assessment_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "practical_assessment" ADD CONSTRAINT "FK_practical_assessment_course_version" FOREIGN KEY ("course_version_id") REFERENCES "course_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "quiz_attempt" ADD CONSTRAINT "FK_quiz_attempt_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "quiz_attempt" ADD CONSTRAINT "FK_quiz_attempt_course_version" FOREIGN KEY ("course_version_id") REFERENCES "course_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "quiz_attempt" DROP CONSTRAINT "FK_quiz_attempt_course_version"`);
    await runner.query(`ALTER TABLE "quiz_attempt" DROP CONSTRAINT "FK_quiz_attempt_enrollment"`);
    await runner.query(`ALTER TABLE "practical_assessment" DROP CONSTRAINT "FK_practical_assessment_course_version"`);
    await runner.query(`ALTER TABLE "practical_assessment" DROP CONSTRAINT "FK_practical_assessment_enrollment"`);
    await runner.query(`DROP INDEX "public"."UQ_quiz_attempt_number"`);
    await runner.query(`DROP INDEX "public"."UQ_quiz_attempt_one_open"`);
    await runner.query(`DROP TABLE "quiz_attempt"`);
    await runner.query(`DROP INDEX "public"."IDX_practical_assessment_enrollment"`);
    await runner.query(`DROP TABLE "practical_assessment"`);
  }
}
