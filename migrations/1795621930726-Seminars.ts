import { MigrationInterface, QueryRunner } from 'typeorm';

export class Seminars1795621930726 implements MigrationInterface {
  name = 'Seminars1795621930726';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "seminar_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "course_version_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "trainer_user_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "address" character varying(500), "room" character varying(100), "online_url" character varying(1000), "capacity" integer NOT NULL, "language" character varying(2) NOT NULL, "booking_deadline" TIMESTAMP WITH TIME ZONE, "status" character varying(20) NOT NULL DEFAULT 'scheduled', "revision" integer NOT NULL DEFAULT '0', "cancel_reason" character varying(500), "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_seminar_session_location" CHECK ("address" IS NOT NULL OR "online_url" IS NOT NULL), CONSTRAINT "CHK_seminar_session_deadline" CHECK ("booking_deadline" IS NULL OR "booking_deadline" <= "starts_at"), CONSTRAINT "CHK_seminar_session_capacity" CHECK ("capacity" >= 1), CONSTRAINT "CHK_seminar_session_times" CHECK ("ends_at" > "starts_at"), CONSTRAINT "CHK_seminar_session_language" CHECK ("language" IN ('kk', 'ru')), CONSTRAINT "CHK_seminar_session_status" CHECK ("status" IN ('scheduled', 'cancelled', 'completed')), CONSTRAINT "PK_28aa447c4400ab8465d898961f3" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_seminar_session_unit" ON "seminar_session"  ("unit_id") `);
    await runner.query(
      `CREATE INDEX "IDX_seminar_session_trainer_start" ON "seminar_session"  ("trainer_user_id", "starts_at") `,
    );
    await runner.query(
      `CREATE INDEX "IDX_seminar_session_course_start" ON "seminar_session"  ("course_id", "starts_at") `,
    );
    await runner.query(
      `CREATE TABLE "seminar_booking" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "session_id" uuid NOT NULL, "officer_id" uuid NOT NULL, "course_id" uuid NOT NULL, "enrollment_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "booked_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "promoted_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" uuid, "cancel_reason" character varying(30), CONSTRAINT "CHK_seminar_booking_status" CHECK ("status" IN ('booked', 'waitlisted', 'cancelled', 'closed')), CONSTRAINT "PK_6565f0324d4de4cdafe66f34d9e" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_seminar_booking_officer" ON "seminar_booking"  ("officer_id") `);
    await runner.query(
      `CREATE INDEX "IDX_seminar_booking_session_status" ON "seminar_booking"  ("session_id", "status", "seq") `,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_seminar_booking_active" ON "seminar_booking"  ("officer_id", "course_id") WHERE "status" IN ('booked', 'waitlisted')`,
    );
    await runner.query(
      `CREATE TABLE "seminar_attendance" ("booking_id" uuid NOT NULL, "session_id" uuid NOT NULL, "officer_id" uuid NOT NULL, "status" character varying(10) NOT NULL, "hours" numeric(5,1) NOT NULL, "marked_by" uuid, "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_seminar_attendance_hours" CHECK ("hours" >= 0), CONSTRAINT "CHK_seminar_attendance_status" CHECK ("status" IN ('present', 'late', 'absent', 'excused')), CONSTRAINT "PK_3b5df4487c279dada6049c2444d" PRIMARY KEY ("booking_id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_seminar_attendance_session" ON "seminar_attendance"  ("session_id") `);
    await runner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "officer_id" uuid NOT NULL, "kind" character varying(50) NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE INDEX "IDX_notification_undelivered" ON "notification"  ("created_at") WHERE "delivered_at" IS NULL`,
    );
    await runner.query(`CREATE INDEX "IDX_notification_officer" ON "notification"  ("officer_id", "created_at") `);
    await runner.query(
      `ALTER TABLE "seminar_session" ADD CONSTRAINT "FK_seminar_session_course" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "seminar_session" ADD CONSTRAINT "FK_seminar_session_course_version" FOREIGN KEY ("course_version_id") REFERENCES "course_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "seminar_session" ADD CONSTRAINT "FK_seminar_session_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "seminar_booking" ADD CONSTRAINT "FK_seminar_booking_session" FOREIGN KEY ("session_id") REFERENCES "seminar_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "seminar_booking" ADD CONSTRAINT "FK_seminar_booking_officer" FOREIGN KEY ("officer_id") REFERENCES "officer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "seminar_booking" ADD CONSTRAINT "FK_seminar_booking_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "seminar_attendance" ADD CONSTRAINT "FK_seminar_attendance_booking" FOREIGN KEY ("booking_id") REFERENCES "seminar_booking"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_notification_officer" FOREIGN KEY ("officer_id") REFERENCES "officer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_notification_officer"`);
    await runner.query(`ALTER TABLE "seminar_attendance" DROP CONSTRAINT "FK_seminar_attendance_booking"`);
    await runner.query(`ALTER TABLE "seminar_booking" DROP CONSTRAINT "FK_seminar_booking_enrollment"`);
    await runner.query(`ALTER TABLE "seminar_booking" DROP CONSTRAINT "FK_seminar_booking_officer"`);
    await runner.query(`ALTER TABLE "seminar_booking" DROP CONSTRAINT "FK_seminar_booking_session"`);
    await runner.query(`ALTER TABLE "seminar_session" DROP CONSTRAINT "FK_seminar_session_unit"`);
    await runner.query(`ALTER TABLE "seminar_session" DROP CONSTRAINT "FK_seminar_session_course_version"`);
    await runner.query(`ALTER TABLE "seminar_session" DROP CONSTRAINT "FK_seminar_session_course"`);
    await runner.query(`DROP INDEX "public"."IDX_notification_officer"`);
    await runner.query(`DROP INDEX "public"."IDX_notification_undelivered"`);
    await runner.query(`DROP TABLE "notification"`);
    await runner.query(`DROP INDEX "public"."IDX_seminar_attendance_session"`);
    await runner.query(`DROP TABLE "seminar_attendance"`);
    await runner.query(`DROP INDEX "public"."UQ_seminar_booking_active"`);
    await runner.query(`DROP INDEX "public"."IDX_seminar_booking_session_status"`);
    await runner.query(`DROP INDEX "public"."IDX_seminar_booking_officer"`);
    await runner.query(`DROP TABLE "seminar_booking"`);
    await runner.query(`DROP INDEX "public"."IDX_seminar_session_course_start"`);
    await runner.query(`DROP INDEX "public"."IDX_seminar_session_trainer_start"`);
    await runner.query(`DROP INDEX "public"."IDX_seminar_session_unit"`);
    await runner.query(`DROP TABLE "seminar_session"`);
  }
}
