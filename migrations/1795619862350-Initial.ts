import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795619862350 implements MigrationInterface {
  name = 'Initial1795619862350';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "audit_event" ("seq" BIGSERIAL NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_name" character varying(100), "action" character varying(80) NOT NULL, "entity_type" character varying(50) NOT NULL, "entity_id" character varying(100), "unit_path" text, "before" jsonb, "after" jsonb, "request_id" character varying(100), "prev_hash" character(64), "hash" character(64) NOT NULL, CONSTRAINT "PK_53300da00860bdf4dc3ef7daae6" PRIMARY KEY ("seq"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_audit_event_id" ON "audit_event"  ("id") `);
    await runner.query(`CREATE INDEX "IDX_audit_event_occurred_at" ON "audit_event"  ("occurred_at") `);
    await runner.query(`CREATE INDEX "IDX_audit_event_actor" ON "audit_event"  ("actor_id") `);
    await runner.query(`CREATE INDEX "IDX_audit_event_entity" ON "audit_event"  ("entity_type", "entity_id") `);
    await runner.query(
      `CREATE TABLE "unit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(50) NOT NULL, "name" character varying(300) NOT NULL, "parent_id" uuid, "path" text NOT NULL, "timezone" character varying(64) NOT NULL DEFAULT 'Asia/Almaty', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4252c4be609041e559f0c80f58a" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_unit_code" ON "unit"  ("code") `);
    await runner.query(`CREATE INDEX "IDX_unit_parent" ON "unit"  ("parent_id") `);
    await runner.query(
      `CREATE TABLE "officer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "personnel_number" character varying(30) NOT NULL, "full_name" character varying(300) NOT NULL, "rank" character varying(100) NOT NULL, "position" character varying(200) NOT NULL, "service_type" character varying(30) NOT NULL, "unit_id" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'active', "language" character varying(2) NOT NULL DEFAULT 'ru', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_officer_language" CHECK ("language" IN ('kk', 'ru')), CONSTRAINT "CHK_officer_status" CHECK ("status" IN ('active', 'on_leave', 'dismissed')), CONSTRAINT "CHK_officer_service_type" CHECK ("service_type" IN ('patrol', 'district_inspector', 'traffic', 'juvenile', 'other')), CONSTRAINT "PK_b9bab694da36794c5065085936c" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_officer_personnel_number" ON "officer"  ("personnel_number") `);
    await runner.query(`CREATE INDEX "IDX_officer_unit_service" ON "officer"  ("unit_id", "service_type") `);
    await runner.query(
      `CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "password_hash" character varying(200) NOT NULL, "officer_id" uuid, "disabled" boolean NOT NULL DEFAULT false, "must_change_password" boolean NOT NULL DEFAULT false, "token_version" integer NOT NULL DEFAULT '0', "totp_secret" character varying(100), "totp_enabled" boolean NOT NULL DEFAULT false, "locked_until" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_7d11c11a96188f85b8c21cd54c" UNIQUE ("officer_id"), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_user_account_username" ON "user_account"  ("username") `);
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_user_account_officer" ON "user_account"  ("officer_id") WHERE "officer_id" IS NOT NULL`,
    );
    await runner.query(
      `CREATE TABLE "user_role" ("user_id" uuid NOT NULL, "role" character varying(20) NOT NULL, "unit_id" uuid NOT NULL, CONSTRAINT "CHK_user_role_role" CHECK ("role" IN ('officer', 'trainer', 'hr', 'admin')), CONSTRAINT "PK_5b202ae9a51017c656e29858c77" PRIMARY KEY ("user_id", "role", "unit_id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_user_role_unit" ON "user_role"  ("unit_id") `);
    await runner.query(
      `CREATE TABLE "revoked_token" ("jti" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_51805a32c382d2841b953c16880" PRIMARY KEY ("jti"))`,
    );
    await runner.query(
      `CREATE TABLE "login_attempt" ("id" BIGSERIAL NOT NULL, "username" character varying(64) NOT NULL, "ip" character varying(64) NOT NULL, "succeeded" boolean NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_72829cd4f7424e3cdfd46c476c0" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_login_attempt_ip" ON "login_attempt"  ("ip", "at") `);
    await runner.query(`CREATE INDEX "IDX_login_attempt_username" ON "login_attempt"  ("username", "at") `);
    await runner.query(
      `CREATE TABLE "recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b7f1e23329e93a80e25fd281922" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_recovery_code_user" ON "recovery_code"  ("user_id") `);
    await runner.query(
      `CREATE TABLE "role_policy" ("role" character varying(20) NOT NULL, "mfa_required" boolean NOT NULL, CONSTRAINT "PK_40d21a4c52f103c8944d5ea1df8" PRIMARY KEY ("role"))`,
    );
    await runner.query(
      `ALTER TABLE "unit" ADD CONSTRAINT "FK_unit_parent" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "officer" ADD CONSTRAINT "FK_officer_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "user_account" ADD CONSTRAINT "FK_user_account_officer" FOREIGN KEY ("officer_id") REFERENCES "officer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "user_role" ADD CONSTRAINT "FK_user_role_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "user_role" ADD CONSTRAINT "FK_user_role_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "user_role" DROP CONSTRAINT "FK_user_role_unit"`);
    await runner.query(`ALTER TABLE "user_role" DROP CONSTRAINT "FK_user_role_user"`);
    await runner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "FK_user_account_officer"`);
    await runner.query(`ALTER TABLE "officer" DROP CONSTRAINT "FK_officer_unit"`);
    await runner.query(`ALTER TABLE "unit" DROP CONSTRAINT "FK_unit_parent"`);
    await runner.query(`DROP TABLE "role_policy"`);
    await runner.query(`DROP INDEX "public"."IDX_recovery_code_user"`);
    await runner.query(`DROP TABLE "recovery_code"`);
    await runner.query(`DROP INDEX "public"."IDX_login_attempt_username"`);
    await runner.query(`DROP INDEX "public"."IDX_login_attempt_ip"`);
    await runner.query(`DROP TABLE "login_attempt"`);
    await runner.query(`DROP TABLE "revoked_token"`);
    await runner.query(`DROP INDEX "public"."IDX_user_role_unit"`);
    await runner.query(`DROP TABLE "user_role"`);
    await runner.query(`DROP INDEX "public"."UQ_user_account_officer"`);
    await runner.query(`DROP INDEX "public"."UQ_user_account_username"`);
    await runner.query(`DROP TABLE "user_account"`);
    await runner.query(`DROP INDEX "public"."IDX_officer_unit_service"`);
    await runner.query(`DROP INDEX "public"."UQ_officer_personnel_number"`);
    await runner.query(`DROP TABLE "officer"`);
    await runner.query(`DROP INDEX "public"."IDX_unit_parent"`);
    await runner.query(`DROP INDEX "public"."UQ_unit_code"`);
    await runner.query(`DROP TABLE "unit"`);
    await runner.query(`DROP INDEX "public"."IDX_audit_event_entity"`);
    await runner.query(`DROP INDEX "public"."IDX_audit_event_actor"`);
    await runner.query(`DROP INDEX "public"."IDX_audit_event_occurred_at"`);
    await runner.query(`DROP INDEX "public"."UQ_audit_event_id"`);
    await runner.query(`DROP TABLE "audit_event"`);
  }
}
