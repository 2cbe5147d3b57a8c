import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications domain takes over `notification` from seminars: an
 * idempotency key, a recipient that is an officer or a user account, the unit
 * it concerns, read and e-mail state. Rows written before (cancellations and
 * waitlist promotions nobody received) stay, keyed `legacy:<id>`, in their
 * officers' inboxes; nobody had an e-mail address then. Also: an e-mail
 * address per user account, reminder days per course, calendar feeds and
 * the monthly compliance trend. The job queue's own schema is not here:
 * pg-boss installs it after the migrations (JOB_QUEUE_SCHEMA).
 */
export class NotificationsAndJobs1795981222174 implements MigrationInterface {
  name = 'NotificationsAndJobs1795981222174';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "public"."IDX_notification_undelivered"`);
    await runner.query(
      `CREATE TABLE "compliance_trend" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "period" date NOT NULL, "as_of" TIMESTAMP WITH TIME ZONE NOT NULL, "in_audience" integer NOT NULL, "completed" integer NOT NULL, "in_progress" integer NOT NULL, "not_started" integer NOT NULL, "overdue" integer NOT NULL, "exempted" integer NOT NULL, "completion_percent" numeric(5,1), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3fb8b1f702ad62ef4305122facc" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_compliance_trend_unit_period" ON "compliance_trend"  ("unit_id", "period") `,
    );
    await runner.query(
      `CREATE TABLE "calendar_feed" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_read_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_calendar_feed_token_hash" ON "calendar_feed"  ("token_hash") `);
    await runner.query(`CREATE INDEX "IDX_calendar_feed_user" ON "calendar_feed"  ("user_id") `);
    await runner.query(`ALTER TABLE "notification" DROP COLUMN "delivered_at"`);
    await runner.query(`ALTER TABLE "user_account" ADD "email" character varying(254)`);
    await runner.query(`ALTER TABLE "course" ADD "reminder_days" integer array`);
    await runner.query(`ALTER TABLE "notification" ADD "idempotency_key" character varying(200)`);
    await runner.query(`UPDATE "notification" SET "idempotency_key" = 'legacy:' || "id"`);
    await runner.query(`ALTER TABLE "notification" ALTER COLUMN "idempotency_key" SET NOT NULL`);
    await runner.query(`ALTER TABLE "notification" ADD "user_id" uuid`);
    await runner.query(`ALTER TABLE "notification" ADD "unit_id" uuid`);
    await runner.query(
      `UPDATE "notification" n SET "unit_id" = o."unit_id" FROM "officer" o WHERE o."id" = n."officer_id"`,
    );
    await runner.query(`ALTER TABLE "notification" ALTER COLUMN "unit_id" SET NOT NULL`);
    await runner.query(`ALTER TABLE "notification" ADD "read_at" TIMESTAMP WITH TIME ZONE`);
    await runner.query(
      `ALTER TABLE "notification" ADD "email_status" character varying(20) NOT NULL DEFAULT 'no-address'`,
    );
    await runner.query(`ALTER TABLE "notification" ALTER COLUMN "email_status" SET DEFAULT 'pending'`);
    await runner.query(`ALTER TABLE "notification" ADD "email_to" character varying(254)`);
    await runner.query(`ALTER TABLE "notification" ADD "emailed_at" TIMESTAMP WITH TIME ZONE`);
    await runner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_notification_officer"`);
    await runner.query(`DROP INDEX "public"."IDX_notification_officer"`);
    await runner.query(`ALTER TABLE "notification" ALTER COLUMN "officer_id" DROP NOT NULL`);
    await runner.query(`CREATE UNIQUE INDEX "UQ_notification_idempotency_key" ON "notification"  ("idempotency_key") `);
    await runner.query(`CREATE INDEX "IDX_notification_unit" ON "notification"  ("unit_id", "created_at") `);
    await runner.query(`CREATE INDEX "IDX_notification_user" ON "notification"  ("user_id", "created_at") `);
    await runner.query(`CREATE INDEX "IDX_notification_officer" ON "notification"  ("officer_id", "created_at") `);
    await runner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_email_status" CHECK ("email_status" IN ('pending', 'sent', 'logged', 'no-address'))`,
    );
    await runner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "CHK_notification_recipient" CHECK ("officer_id" IS NOT NULL OR "user_id" IS NOT NULL)`,
    );
    await runner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_notification_officer" FOREIGN KEY ("officer_id") REFERENCES "officer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_notification_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_notification_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "compliance_trend" ADD CONSTRAINT "FK_compliance_trend_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_calendar_feed_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_calendar_feed_user"`);
    await runner.query(`ALTER TABLE "compliance_trend" DROP CONSTRAINT "FK_compliance_trend_unit"`);
    await runner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_notification_unit"`);
    await runner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_notification_user"`);
    await runner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_notification_officer"`);
    await runner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_recipient"`);
    await runner.query(`ALTER TABLE "notification" DROP CONSTRAINT "CHK_notification_email_status"`);
    await runner.query(`DROP INDEX "public"."IDX_notification_officer"`);
    await runner.query(`DROP INDEX "public"."IDX_notification_user"`);
    await runner.query(`DROP INDEX "public"."IDX_notification_unit"`);
    await runner.query(`DROP INDEX "public"."UQ_notification_idempotency_key"`);
    await runner.query(`ALTER TABLE "notification" ALTER COLUMN "officer_id" SET NOT NULL`);
    await runner.query(
      `CREATE INDEX "IDX_notification_officer" ON "notification" USING btree ("officer_id", "created_at") `,
    );
    await runner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_notification_officer" FOREIGN KEY ("officer_id") REFERENCES "officer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(`ALTER TABLE "notification" DROP COLUMN "emailed_at"`);
    await runner.query(`ALTER TABLE "notification" DROP COLUMN "email_to"`);
    await runner.query(`ALTER TABLE "notification" DROP COLUMN "email_status"`);
    await runner.query(`ALTER TABLE "notification" DROP COLUMN "read_at"`);
    await runner.query(`ALTER TABLE "notification" DROP COLUMN "unit_id"`);
    await runner.query(`ALTER TABLE "notification" DROP COLUMN "user_id"`);
    await runner.query(`ALTER TABLE "notification" DROP COLUMN "idempotency_key"`);
    await runner.query(`ALTER TABLE "course" DROP COLUMN "reminder_days"`);
    await runner.query(`ALTER TABLE "user_account" DROP COLUMN "email"`);
    await runner.query(`ALTER TABLE "notification" ADD "delivered_at" TIMESTAMP WITH TIME ZONE`);
    await runner.query(`DROP INDEX "public"."IDX_calendar_feed_user"`);
    await runner.query(`DROP INDEX "public"."UQ_calendar_feed_token_hash"`);
    await runner.query(`DROP TABLE "calendar_feed"`);
    await runner.query(`DROP INDEX "public"."UQ_compliance_trend_unit_period"`);
    await runner.query(`DROP TABLE "compliance_trend"`);
    await runner.query(
      `CREATE INDEX "IDX_notification_undelivered" ON "notification" USING btree ("created_at") WHERE (delivered_at IS NULL)`,
    );
  }
}
