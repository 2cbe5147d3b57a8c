import { MigrationInterface, QueryRunner } from 'typeorm';

export class Assignments1795621292572 implements MigrationInterface {
  name = 'Assignments1795621292572';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "ministry_order" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(50) NOT NULL, "date" date NOT NULL, "title" character varying(500) NOT NULL, "issuing_authority" character varying(300), "unit_id" uuid NOT NULL, "course_ids" uuid array NOT NULL DEFAULT '{}', "programme_id" uuid, "audience" jsonb, "deadline" date, "periodicity_months" integer, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9b698a5513f6d7d922af27e453" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_ministry_order_number" ON "ministry_order"  ("number") `);
    await runner.query(`CREATE INDEX "IDX_ministry_order_unit" ON "ministry_order"  ("unit_id") `);
    await runner.query(
      `CREATE TABLE "assignment_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_ids" uuid array NOT NULL, "programme_id" uuid, "order_id" uuid, "unit_ids" uuid array NOT NULL DEFAULT '{}', "service_types" text array NOT NULL DEFAULT '{}', "ranks" text array NOT NULL DEFAULT '{}', "positions" text array NOT NULL DEFAULT '{}', "due_date" date, "due_in_days" integer, "recurrence_months" integer, "fingerprint" character(64) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retired_at" TIMESTAMP WITH TIME ZONE, "retired_by" uuid, CONSTRAINT "PK_c4cc990e5e2382ac7eeec949b57" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_assignment_rule_order" ON "assignment_rule"  ("order_id") `);
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_assignment_rule_active_fingerprint" ON "assignment_rule"  ("fingerprint") WHERE "retired_at" IS NULL`,
    );
    await runner.query(
      `CREATE TABLE "enrollment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "officer_id" uuid NOT NULL, "course_id" uuid NOT NULL, "cycle" integer NOT NULL, "course_version_id" uuid, "rule_id" uuid, "order_id" uuid, "status" character varying(20) NOT NULL DEFAULT 'assigned', "progress" jsonb NOT NULL DEFAULT '{}', "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "due_at" TIMESTAMP WITH TIME ZONE, "started_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "closed_reason" character varying(500), "closed_by" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "assigned_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_enrollment_status" CHECK ("status" IN ('assigned', 'in_progress', 'completed', 'exempted', 'withdrawn')), CONSTRAINT "PK_7e200c699fa93865cdcdd025885" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_enrollment_order" ON "enrollment"  ("order_id") `);
    await runner.query(`CREATE INDEX "IDX_enrollment_rule" ON "enrollment"  ("rule_id") `);
    await runner.query(`CREATE INDEX "IDX_enrollment_course_status" ON "enrollment"  ("course_id", "status") `);
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_enrollment_one_open" ON "enrollment"  ("officer_id", "course_id") WHERE "status" IN ('assigned', 'in_progress')`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_enrollment_cycle" ON "enrollment"  ("officer_id", "course_id", "cycle") `,
    );
    await runner.query(
      `ALTER TABLE "ministry_order" ADD CONSTRAINT "FK_ministry_order_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "assignment_rule" ADD CONSTRAINT "FK_assignment_rule_order" FOREIGN KEY ("order_id") REFERENCES "ministry_order"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "FK_enrollment_officer" FOREIGN KEY ("officer_id") REFERENCES "officer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "FK_enrollment_course" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "FK_enrollment_course_version" FOREIGN KEY ("course_version_id") REFERENCES "course_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "FK_enrollment_rule" FOREIGN KEY ("rule_id") REFERENCES "assignment_rule"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_enrollment_rule"`);
    await runner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_enrollment_course_version"`);
    await runner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_enrollment_course"`);
    await runner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_enrollment_officer"`);
    await runner.query(`ALTER TABLE "assignment_rule" DROP CONSTRAINT "FK_assignment_rule_order"`);
    await runner.query(`ALTER TABLE "ministry_order" DROP CONSTRAINT "FK_ministry_order_unit"`);
    await runner.query(`DROP INDEX "public"."UQ_enrollment_cycle"`);
    await runner.query(`DROP INDEX "public"."UQ_enrollment_one_open"`);
    await runner.query(`DROP INDEX "public"."IDX_enrollment_course_status"`);
    await runner.query(`DROP INDEX "public"."IDX_enrollment_rule"`);
    await runner.query(`DROP INDEX "public"."IDX_enrollment_order"`);
    await runner.query(`DROP TABLE "enrollment"`);
    await runner.query(`DROP INDEX "public"."UQ_assignment_rule_active_fingerprint"`);
    await runner.query(`DROP INDEX "public"."IDX_assignment_rule_order"`);
    await runner.query(`DROP TABLE "assignment_rule"`);
    await runner.query(`DROP INDEX "public"."IDX_ministry_order_unit"`);
    await runner.query(`DROP INDEX "public"."UQ_ministry_order_number"`);
    await runner.query(`DROP TABLE "ministry_order"`);
  }
}
