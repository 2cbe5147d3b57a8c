import { MigrationInterface, QueryRunner } from 'typeorm';

export class Trust1795991413858 implements MigrationInterface {
  name = 'Trust1795991413858';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "feedback_code" ("officer_id" uuid NOT NULL, "code" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_296cba99c4b02a181d09f4d1ae9" PRIMARY KEY ("officer_id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_feedback_code_code" ON "feedback_code"  ("code") `);
    await runner.query(
      `CREATE TABLE "citizen_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "officer_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "courtesy" smallint NOT NULL, "clarity" smallint NOT NULL, "fairness" smallint NOT NULL, "trust_change" smallint NOT NULL, "comment" text, "language" character varying(2) NOT NULL, "repeat_key" character(64) NOT NULL, CONSTRAINT "CHK_citizen_feedback_scores" CHECK ("courtesy" BETWEEN 1 AND 5 AND "clarity" BETWEEN 1 AND 5 AND "fairness" BETWEEN 1 AND 5 AND "trust_change" BETWEEN -1 AND 1), CONSTRAINT "PK_e0532b744e64e416bdb74ecd992" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE INDEX "IDX_citizen_feedback_unit_time" ON "citizen_feedback"  ("unit_id", "submitted_at") `,
    );
    await runner.query(
      `CREATE INDEX "IDX_citizen_feedback_officer_time" ON "citizen_feedback"  ("officer_id", "submitted_at") `,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_citizen_feedback_repeat" ON "citizen_feedback"  ("officer_id", "repeat_key") `,
    );
    await runner.query(
      `CREATE TABLE "trust_salt" ("day" date NOT NULL, "salt" bytea NOT NULL, CONSTRAINT "PK_b6d48c2c85c9840ed3d7dde792c" PRIMARY KEY ("day"))`,
    );
    await runner.query(
      `CREATE TABLE "trust_address_hit" ("address_key" character(64) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "PK_11fba15d1d1b716c6b84ffbba6c" PRIMARY KEY ("address_key", "window_start"))`,
    );
    await runner.query(
      `CREATE TABLE "trust_survey" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "code" character varying(16) NOT NULL, "title" jsonb NOT NULL, "opens_on" date NOT NULL, "closes_on" date NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_trust_survey_period" CHECK ("closes_on" >= "opens_on"), CONSTRAINT "PK_41ac4b26ab3fb005ea7d6eb11e3" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_trust_survey_unit" ON "trust_survey"  ("unit_id") `);
    await runner.query(`CREATE UNIQUE INDEX "UQ_trust_survey_code" ON "trust_survey"  ("code") `);
    await runner.query(
      `CREATE TABLE "survey_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "trust_level" character varying(20) NOT NULL, "distrust_reasons" text array NOT NULL DEFAULT '{}', "opinion_source" character varying(20), "qualities" text array NOT NULL DEFAULT '{}', "language" character varying(2) NOT NULL, "repeat_key" character(64) NOT NULL, CONSTRAINT "CHK_survey_response_trust" CHECK ("trust_level" IN ('trust', 'partly', 'rather_distrust', 'distrust', 'hard_to_say')), CONSTRAINT "PK_d9326eb52bf8b23d56a39ce419a" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_survey_response_repeat" ON "survey_response"  ("survey_id", "repeat_key") `,
    );
    await runner.query(
      `CREATE TABLE "complaint" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(60), "received_on" date NOT NULL, "unit_id" uuid NOT NULL, "officer_id" uuid, "category" character varying(20) NOT NULL, "outcome" character varying(20) NOT NULL, "imported_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_complaint_outcome" CHECK ("outcome" IN ('substantiated', 'unsubstantiated', 'pending')), CONSTRAINT "CHK_complaint_category" CHECK ("category" IN ('rudeness', 'corruption', 'inaction', 'unlawful_force', 'other')), CONSTRAINT "PK_a9c8dbc2ab4988edcc2ff0a7337" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_complaint_officer" ON "complaint"  ("officer_id") `);
    await runner.query(`CREATE INDEX "IDX_complaint_unit_date" ON "complaint"  ("unit_id", "received_on") `);
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_complaint_number" ON "complaint"  ("number") WHERE "number" IS NOT NULL`,
    );
    await runner.query(
      `CREATE TABLE "refresher_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "category" character varying(20) NOT NULL, "course_id" uuid NOT NULL, "due_in_days" integer NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fa97dfe57a9c80963d60a7ae4b3" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_refresher_rule_active" ON "refresher_rule"  ("category", "course_id") WHERE "retired_at" IS NULL`,
    );
    await runner.query(
      `CREATE TABLE "complaint_refresher" ("complaint_id" uuid NOT NULL, "rule_id" uuid NOT NULL, "enrolled" boolean NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c13c9357af7551f260eb60ae519" PRIMARY KEY ("complaint_id", "rule_id"))`,
    );
    await runner.query(
      `ALTER TABLE "feedback_code" ADD CONSTRAINT "FK_feedback_code_officer" FOREIGN KEY ("officer_id") REFERENCES "officer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "citizen_feedback" ADD CONSTRAINT "FK_citizen_feedback_officer" FOREIGN KEY ("officer_id") REFERENCES "officer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "citizen_feedback" ADD CONSTRAINT "FK_citizen_feedback_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "trust_survey" ADD CONSTRAINT "FK_trust_survey_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "survey_response" ADD CONSTRAINT "FK_survey_response_survey" FOREIGN KEY ("survey_id") REFERENCES "trust_survey"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "complaint" ADD CONSTRAINT "FK_complaint_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "complaint" ADD CONSTRAINT "FK_complaint_officer" FOREIGN KEY ("officer_id") REFERENCES "officer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "complaint_refresher" ADD CONSTRAINT "FK_complaint_refresher_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "complaint_refresher" ADD CONSTRAINT "FK_complaint_refresher_rule" FOREIGN KEY ("rule_id") REFERENCES "refresher_rule"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "complaint_refresher" DROP CONSTRAINT "FK_complaint_refresher_rule"`);
    await runner.query(`ALTER TABLE "complaint_refresher" DROP CONSTRAINT "FK_complaint_refresher_complaint"`);
    await runner.query(`ALTER TABLE "complaint" DROP CONSTRAINT "FK_complaint_officer"`);
    await runner.query(`ALTER TABLE "complaint" DROP CONSTRAINT "FK_complaint_unit"`);
    await runner.query(`ALTER TABLE "survey_response" DROP CONSTRAINT "FK_survey_response_survey"`);
    await runner.query(`ALTER TABLE "trust_survey" DROP CONSTRAINT "FK_trust_survey_unit"`);
    await runner.query(`ALTER TABLE "citizen_feedback" DROP CONSTRAINT "FK_citizen_feedback_unit"`);
    await runner.query(`ALTER TABLE "citizen_feedback" DROP CONSTRAINT "FK_citizen_feedback_officer"`);
    await runner.query(`ALTER TABLE "feedback_code" DROP CONSTRAINT "FK_feedback_code_officer"`);
    await runner.query(`DROP TABLE "complaint_refresher"`);
    await runner.query(`DROP INDEX "public"."UQ_refresher_rule_active"`);
    await runner.query(`DROP TABLE "refresher_rule"`);
    await runner.query(`DROP INDEX "public"."UQ_complaint_number"`);
    await runner.query(`DROP INDEX "public"."IDX_complaint_unit_date"`);
    await runner.query(`DROP INDEX "public"."IDX_complaint_officer"`);
    await runner.query(`DROP TABLE "complaint"`);
    await runner.query(`DROP INDEX "public"."UQ_survey_response_repeat"`);
    await runner.query(`DROP TABLE "survey_response"`);
    await runner.query(`DROP INDEX "public"."UQ_trust_survey_code"`);
    await runner.query(`DROP INDEX "public"."IDX_trust_survey_unit"`);
    await runner.query(`DROP TABLE "trust_survey"`);
    await runner.query(`DROP TABLE "trust_address_hit"`);
    await runner.query(`DROP TABLE "trust_salt"`);
    await runner.query(`DROP INDEX "public"."UQ_citizen_feedback_repeat"`);
    await runner.query(`DROP INDEX "public"."IDX_citizen_feedback_officer_time"`);
    await runner.query(`DROP INDEX "public"."IDX_citizen_feedback_unit_time"`);
    await runner.query(`DROP TABLE "citizen_feedback"`);
    await runner.query(`DROP INDEX "public"."UQ_feedback_code_code"`);
    await runner.query(`DROP TABLE "feedback_code"`);
  }
}
