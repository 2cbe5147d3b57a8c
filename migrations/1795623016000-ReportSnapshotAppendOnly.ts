import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report snapshot is evidence handed to the ministry: like the audit
 * trail, the table takes inserts only. Its rows also carry the SHA-256 of
 * their content, so a change made behind the trigger is still detected.
 */
export class ReportSnapshotAppendOnly1795623016000 implements MigrationInterface {
  name = 'ReportSnapshotAppendOnly1795623016000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION report_snapshot_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'report_snapshot is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER report_snapshot_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "report_snapshot"
      FOR EACH STATEMENT EXECUTE FUNCTION report_snapshot_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER report_snapshot_append_only ON "report_snapshot"`);
    await runner.query(`DROP FUNCTION report_snapshot_append_only()`);
  }
}
