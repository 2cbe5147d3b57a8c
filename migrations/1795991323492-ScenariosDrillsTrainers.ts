import { MigrationInterface, QueryRunner } from 'typeorm';

/** The role-play scenario bank and the weekly drills (revisions, never edited), the programme's rule on who runs its seminars, trainers' qualifications, drills held in units and who took part, and the scenario a role-play was scored on. */
export class ScenariosDrillsTrainers1795991323492 implements MigrationInterface {
  name = 'ScenariosDrillsTrainers1795991323492';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "drill" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(60) NOT NULL, "revision" integer NOT NULL, "title" jsonb NOT NULL, "duration_minutes" integer NOT NULL, "situation" jsonb NOT NULL, "discussion_points" jsonb NOT NULL, "right_conduct" jsonb NOT NULL, "lessons" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_66c24774414aa39260e1c6c286f" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_drill_current" ON "drill"  ("code") WHERE retired_at IS NULL`);
    await runner.query(`CREATE UNIQUE INDEX "UQ_drill_code_revision" ON "drill"  ("code", "revision") `);
    await runner.query(
      `CREATE TABLE "drill_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(60) NOT NULL, "programme_id" uuid, "title" jsonb NOT NULL, "description" jsonb, "weeks" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c7f64634f9f30062ce5c82a3491" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_drill_plan_code" ON "drill_plan"  ("code") `);
    await runner.query(
      `CREATE TABLE "programme_seminar_rule" ("programme_id" uuid NOT NULL, "trainer_qualifications" character varying(20) array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0900f59e9c7dfcc8adf5c88e44a" PRIMARY KEY ("programme_id"))`,
    );
    await runner.query(
      `CREATE TABLE "scenario_level" ("code" character varying(40) NOT NULL, "position" integer NOT NULL, "min_score" integer NOT NULL, "max_score" integer NOT NULL, "title" jsonb NOT NULL, CONSTRAINT "PK_3d5724e5b16ccc619910735c4ea" PRIMARY KEY ("code"))`,
    );
    await runner.query(
      `CREATE TABLE "scenario_trust_factor" ("code" character varying(60) NOT NULL, "position" integer NOT NULL, "effect" character varying(10) NOT NULL, "title" jsonb NOT NULL, CONSTRAINT "PK_799a1752aced84945feca738ed5" PRIMARY KEY ("code"))`,
    );
    await runner.query(
      `CREATE TABLE "scenario_auto_fail_behaviour" ("code" character varying(60) NOT NULL, "position" integer NOT NULL, "title" jsonb NOT NULL, CONSTRAINT "PK_9da3f34d40a5cc2e85acf0cff7a" PRIMARY KEY ("code"))`,
    );
    await runner.query(
      `CREATE TABLE "scenario" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(60) NOT NULL, "revision" integer NOT NULL, "course_id" uuid NOT NULL, "title" jsonb NOT NULL, "duration_minutes" integer NOT NULL, "setting" jsonb NOT NULL, "citizen_brief" jsonb NOT NULL, "officer_brief" jsonb NOT NULL, "trust_factors" jsonb NOT NULL, "auto_fail" jsonb NOT NULL, "descriptors" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ec7b57ee913fb77bb70ed3bc708" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_scenario_course" ON "scenario"  ("course_id") `);
    await runner.query(`CREATE UNIQUE INDEX "UQ_scenario_current" ON "scenario"  ("code") WHERE retired_at IS NULL`);
    await runner.query(`CREATE UNIQUE INDEX "UQ_scenario_code_revision" ON "scenario"  ("code", "revision") `);
    await runner.query(
      `CREATE TABLE "drill_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "starts_on" date NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_drill_assignment_monday" CHECK (extract(isodow from "starts_on") = 1), CONSTRAINT "PK_20aa10b91c02307ec2ef4cabbf4" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_drill_assignment_unit" ON "drill_assignment"  ("unit_id") `);
    await runner.query(
      `CREATE TABLE "drill_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "drill_id" uuid NOT NULL, "assignment_id" uuid, "held_at" TIMESTAMP WITH TIME ZONE NOT NULL, "led_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_93507132aad32e7a88ff4f9408a" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_drill_session_unit_held" ON "drill_session"  ("unit_id", "held_at") `);
    await runner.query(
      `CREATE TABLE "drill_participant" ("session_id" uuid NOT NULL, "officer_id" uuid NOT NULL, CONSTRAINT "PK_f4b722d19a76fa9b621ec443011" PRIMARY KEY ("session_id", "officer_id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_drill_participant_officer" ON "drill_participant"  ("officer_id") `);
    await runner.query(
      `CREATE TABLE "trainer_qualification" ("user_id" uuid NOT NULL, "area" character varying(20) NOT NULL, "evidence" character varying(500) NOT NULL, "qualified_on" date NOT NULL, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_trainer_qualification_area" CHECK ("area" IN ('psychology', 'conflictology', 'communication')), CONSTRAINT "PK_1e8b21d77634c2d2c97e2d73529" PRIMARY KEY ("user_id", "area"))`,
    );
    await runner.query(`CREATE INDEX "IDX_trainer_qualification_area" ON "trainer_qualification"  ("area") `);
    await runner.query(`ALTER TABLE "practical_assessment" ADD "scenario_id" uuid`);
    await runner.query(
      `ALTER TABLE "practical_assessment" ADD "auto_fail" character varying(60) array NOT NULL DEFAULT '{}'`,
    );
    await runner.query(`CREATE INDEX "IDX_practical_assessment_scenario" ON "practical_assessment"  ("scenario_id") `);
    await runner.query(
      `ALTER TABLE "drill_plan" ADD CONSTRAINT "FK_drill_plan_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "programme_seminar_rule" ADD CONSTRAINT "FK_programme_seminar_rule_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "scenario" ADD CONSTRAINT "FK_scenario_course" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "practical_assessment" ADD CONSTRAINT "FK_practical_assessment_scenario" FOREIGN KEY ("scenario_id") REFERENCES "scenario"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "drill_assignment" ADD CONSTRAINT "FK_drill_assignment_plan" FOREIGN KEY ("plan_id") REFERENCES "drill_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "drill_assignment" ADD CONSTRAINT "FK_drill_assignment_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "drill_session" ADD CONSTRAINT "FK_drill_session_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "drill_session" ADD CONSTRAINT "FK_drill_session_drill" FOREIGN KEY ("drill_id") REFERENCES "drill"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "drill_session" ADD CONSTRAINT "FK_drill_session_assignment" FOREIGN KEY ("assignment_id") REFERENCES "drill_assignment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "drill_session" ADD CONSTRAINT "FK_drill_session_leader" FOREIGN KEY ("led_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "drill_participant" ADD CONSTRAINT "FK_drill_participant_session" FOREIGN KEY ("session_id") REFERENCES "drill_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "drill_participant" ADD CONSTRAINT "FK_drill_participant_officer" FOREIGN KEY ("officer_id") REFERENCES "officer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "trainer_qualification" ADD CONSTRAINT "FK_trainer_qualification_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "trainer_qualification" DROP CONSTRAINT "FK_trainer_qualification_user"`);
    await runner.query(`ALTER TABLE "drill_participant" DROP CONSTRAINT "FK_drill_participant_officer"`);
    await runner.query(`ALTER TABLE "drill_participant" DROP CONSTRAINT "FK_drill_participant_session"`);
    await runner.query(`ALTER TABLE "drill_session" DROP CONSTRAINT "FK_drill_session_leader"`);
    await runner.query(`ALTER TABLE "drill_session" DROP CONSTRAINT "FK_drill_session_assignment"`);
    await runner.query(`ALTER TABLE "drill_session" DROP CONSTRAINT "FK_drill_session_drill"`);
    await runner.query(`ALTER TABLE "drill_session" DROP CONSTRAINT "FK_drill_session_unit"`);
    await runner.query(`ALTER TABLE "drill_assignment" DROP CONSTRAINT "FK_drill_assignment_unit"`);
    await runner.query(`ALTER TABLE "drill_assignment" DROP CONSTRAINT "FK_drill_assignment_plan"`);
    await runner.query(`ALTER TABLE "practical_assessment" DROP CONSTRAINT "FK_practical_assessment_scenario"`);
    await runner.query(`ALTER TABLE "scenario" DROP CONSTRAINT "FK_scenario_course"`);
    await runner.query(`ALTER TABLE "programme_seminar_rule" DROP CONSTRAINT "FK_programme_seminar_rule_programme"`);
    await runner.query(`ALTER TABLE "drill_plan" DROP CONSTRAINT "FK_drill_plan_programme"`);
    await runner.query(`DROP INDEX "public"."IDX_practical_assessment_scenario"`);
    await runner.query(`ALTER TABLE "practical_assessment" DROP COLUMN "auto_fail"`);
    await runner.query(`ALTER TABLE "practical_assessment" DROP COLUMN "scenario_id"`);
    await runner.query(`DROP INDEX "public"."IDX_trainer_qualification_area"`);
    await runner.query(`DROP TABLE "trainer_qualification"`);
    await runner.query(`DROP INDEX "public"."IDX_drill_participant_officer"`);
    await runner.query(`DROP TABLE "drill_participant"`);
    await runner.query(`DROP INDEX "public"."IDX_drill_session_unit_held"`);
    await runner.query(`DROP TABLE "drill_session"`);
    await runner.query(`DROP INDEX "public"."IDX_drill_assignment_unit"`);
    await runner.query(`DROP TABLE "drill_assignment"`);
    await runner.query(`DROP INDEX "public"."UQ_scenario_code_revision"`);
    await runner.query(`DROP INDEX "public"."UQ_scenario_current"`);
    await runner.query(`DROP INDEX "public"."IDX_scenario_course"`);
    await runner.query(`DROP TABLE "scenario"`);
    await runner.query(`DROP TABLE "scenario_auto_fail_behaviour"`);
    await runner.query(`DROP TABLE "scenario_trust_factor"`);
    await runner.query(`DROP TABLE "scenario_level"`);
    await runner.query(`DROP TABLE "programme_seminar_rule"`);
    await runner.query(`DROP INDEX "public"."UQ_drill_plan_code"`);
    await runner.query(`DROP TABLE "drill_plan"`);
    await runner.query(`DROP INDEX "public"."UQ_drill_code_revision"`);
    await runner.query(`DROP INDEX "public"."UQ_drill_current"`);
    await runner.query(`DROP TABLE "drill"`);
  }
}
