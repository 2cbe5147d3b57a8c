import { MigrationInterface, QueryRunner } from 'typeorm';

export class Certificates1795623228343 implements MigrationInterface {
  name = 'Certificates1795623228343';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" SERIAL NOT NULL, "serial" character varying(30) NOT NULL, "verification_code" character varying(32) NOT NULL, "enrollment_id" uuid NOT NULL, "officer_id" uuid NOT NULL, "officer_name" character varying(300) NOT NULL, "course_id" uuid NOT NULL, "course_title" jsonb NOT NULL, "course_version_id" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8daddfc65f59e341c2bbc9c9e43" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_certificate_officer" ON "certificate"  ("officer_id") `);
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_certificate_verification_code" ON "certificate"  ("verification_code") `,
    );
    await runner.query(`CREATE UNIQUE INDEX "UQ_certificate_serial" ON "certificate"  ("serial") `);
    await runner.query(`CREATE UNIQUE INDEX "UQ_certificate_enrollment" ON "certificate"  ("enrollment_id") `);
    await runner.query(
      `ALTER TABLE "certificate" ADD CONSTRAINT "FK_certificate_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "certificate" ADD CONSTRAINT "FK_certificate_officer" FOREIGN KEY ("officer_id") REFERENCES "officer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "certificate" ADD CONSTRAINT "FK_certificate_course" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "certificate" ADD CONSTRAINT "FK_certificate_course_version" FOREIGN KEY ("course_version_id") REFERENCES "course_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "FK_certificate_course_version"`);
    await runner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "FK_certificate_course"`);
    await runner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "FK_certificate_officer"`);
    await runner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "FK_certificate_enrollment"`);
    await runner.query(`DROP INDEX "public"."UQ_certificate_enrollment"`);
    await runner.query(`DROP INDEX "public"."UQ_certificate_serial"`);
    await runner.query(`DROP INDEX "public"."UQ_certificate_verification_code"`);
    await runner.query(`DROP INDEX "public"."IDX_certificate_officer"`);
    await runner.query(`DROP TABLE "certificate"`);
  }
}
