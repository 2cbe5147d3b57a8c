import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1795623015997 implements MigrationInterface {
  name = 'Reports1795623015997';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "report_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(40) NOT NULL, "order_id" uuid, "unit_id" uuid NOT NULL, "parameters" jsonb NOT NULL, "content" jsonb NOT NULL, "content_text" text NOT NULL, "sha256" character(64) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_report_snapshot_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$'), CONSTRAINT "CHK_report_snapshot_kind" CHECK ("kind" IN ('order-execution')), CONSTRAINT "PK_5418c6b00adad99708e32914edf" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "IDX_report_snapshot_unit" ON "report_snapshot"  ("unit_id") `);
    await runner.query(`CREATE INDEX "IDX_report_snapshot_order" ON "report_snapshot"  ("order_id", "created_at") `);
    await runner.query(
      `ALTER TABLE "report_snapshot" ADD CONSTRAINT "FK_report_snapshot_order" FOREIGN KEY ("order_id") REFERENCES "ministry_order"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "report_snapshot" ADD CONSTRAINT "FK_report_snapshot_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "report_snapshot" DROP CONSTRAINT "FK_report_snapshot_unit"`);
    await runner.query(`ALTER TABLE "report_snapshot" DROP CONSTRAINT "FK_report_snapshot_order"`);
    await runner.query(`DROP INDEX "public"."IDX_report_snapshot_order"`);
    await runner.query(`DROP INDEX "public"."IDX_report_snapshot_unit"`);
    await runner.query(`DROP TABLE "report_snapshot"`);
  }
}
