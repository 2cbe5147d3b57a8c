import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What entities cannot express: the prefix index for subtree queries, the
 * append-only guard on the audit trail, and the default security policy
 * (second factor required for admin and HR; the demo setup relaxes it).
 */
export class GuardsAndSearchIndexes1795619870000 implements MigrationInterface {
  name = 'GuardsAndSearchIndexes1795619870000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX "IDX_unit_path_prefix" ON "unit" ("path" text_pattern_ops)`);
    await runner.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_event"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
    await runner.query(`
      INSERT INTO "role_policy" ("role", "mfa_required")
      VALUES ('officer', false), ('trainer', false), ('hr', true), ('admin', true)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM "role_policy"`);
    await runner.query(`DROP TRIGGER audit_event_append_only ON "audit_event"`);
    await runner.query(`DROP FUNCTION audit_event_append_only()`);
    await runner.query(`DROP INDEX "IDX_unit_path_prefix"`);
  }
}
