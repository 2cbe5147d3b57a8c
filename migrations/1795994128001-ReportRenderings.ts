import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The files of a frozen report, kept as first served (so every download is
 * the same bytes), and a verification code printed on the document. The
 * renderings are append-only like the snapshots (the same trigger function).
 */
export class ReportRenderings1795994128001 implements MigrationInterface {
  name = 'ReportRenderings1795994128001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "report_rendering" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "snapshot_id" uuid NOT NULL, "format" character varying(8) NOT NULL, "language" character varying(2) NOT NULL, "content" bytea NOT NULL, "sha256" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_report_rendering_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$'), CONSTRAINT "CHK_report_rendering_language" CHECK ("language" IN ('kk', 'ru', 'en')), CONSTRAINT "CHK_report_rendering_format" CHECK ("format" IN ('pdf', 'csv', 'xlsx', 'html')), CONSTRAINT "PK_9a0d7778e60ad1ea7c6d0848ee6" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_report_rendering" ON "report_rendering"  ("snapshot_id", "format", "language") `,
    );
    await runner.query(`ALTER TABLE "report_snapshot" ADD "verification_code" character varying(24)`);
    await runner.query(
      `CREATE UNIQUE INDEX "UQ_report_snapshot_verification_code" ON "report_snapshot"  ("verification_code") `,
    );
    await runner.query(
      `ALTER TABLE "report_rendering" ADD CONSTRAINT "FK_report_rendering_snapshot" FOREIGN KEY ("snapshot_id") REFERENCES "report_snapshot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(`
      CREATE FUNCTION report_rendering_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'report_rendering is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER report_rendering_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "report_rendering"
      FOR EACH STATEMENT EXECUTE FUNCTION report_rendering_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER report_rendering_append_only ON "report_rendering"`);
    await runner.query(`DROP FUNCTION report_rendering_append_only()`);
    await runner.query(`ALTER TABLE "report_rendering" DROP CONSTRAINT "FK_report_rendering_snapshot"`);
    await runner.query(`DROP INDEX "public"."UQ_report_snapshot_verification_code"`);
    await runner.query(`ALTER TABLE "report_snapshot" DROP COLUMN "verification_code"`);
    await runner.query(`DROP INDEX "public"."UQ_report_rendering"`);
    await runner.query(`DROP TABLE "report_rendering"`);
  }
}
