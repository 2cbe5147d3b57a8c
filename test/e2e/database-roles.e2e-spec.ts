import { Client } from 'pg';
import { appRoleName, APPEND_ONLY_TABLES } from '@lms/core';
import { createTestApp, TestApp } from '../support/test-app';

/** Issue 14, item 6: the application connects as a role that cannot rewrite the evidence. */
describe('database roles', () => {
  let t: TestApp;
  let app: Client;

  /** The SQLSTATE a statement run as the application's role fails with (null: it succeeded). */
  const asApp = async (sql: string, params: unknown[] = []): Promise<string | null> => {
    await app.query('SAVEPOINT probe');
    try {
      await app.query(sql, params);
      return null;
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    } finally {
      await app.query('ROLLBACK TO SAVEPOINT probe');
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    app = new Client({ connectionString: t.appUrl });
    await app.connect();
    await app.query('BEGIN');
    // Something in each append-only table: a sign-in is audited; a frozen report and its rendering.
    await t.login('admin');
  }, 120_000);

  afterAll(async () => {
    await app?.query('ROLLBACK').catch(() => undefined);
    await app?.end();
    await t?.close();
  });

  it('connects the application as a role of its own, neither superuser nor owner of anything', async () => {
    const database = new URL(t.url).pathname.slice(1);
    const [me] = (
      await app.query(
        `SELECT current_user AS role, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
                (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owns,
                (SELECT count(*)::int FROM pg_namespace WHERE nspowner = r.oid) AS owns_schemas
         FROM pg_roles r WHERE r.rolname = current_user`,
      )
    ).rows;
    expect(me).toEqual({
      role: appRoleName(database),
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      owns: 0,
      owns_schemas: 0,
    });
    // The application's pool is that role too.
    const [{ role }] = await t.sql<{ role: string }>(
      `SELECT usename AS role FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'lms'
       LIMIT 1`,
    );
    expect(role).toBe(appRoleName(database));
  });

  it.each(APPEND_ONLY_TABLES)('%s: the application role reads and appends only', async (table) => {
    expect(await asApp(`SELECT count(*) FROM ${table}`)).toBeNull();
    expect(await asApp(`UPDATE ${table} SET ${column(table)} = ${column(table)}`)).toBe('42501');
    expect(await asApp(`DELETE FROM ${table}`)).toBe('42501');
    expect(await asApp(`TRUNCATE ${table}`)).toBe('42501');
    expect(await asApp(`TRUNCATE ${table} CASCADE`)).toBe('42501');
    const trigger = `${table}_append_only`;
    expect(await asApp(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`)).toBe('42501');
    expect(await asApp(`ALTER TABLE ${table} DISABLE TRIGGER ALL`)).toBe('42501');
    expect(await asApp(`DROP TRIGGER ${trigger} ON ${table}`)).toBe('42501');
    expect(await asApp(`ALTER TABLE ${table} ADD COLUMN probe int`)).toBe('42501');
    expect(await asApp(`ALTER TABLE ${table} OWNER TO current_user`)).toBe('42501');
    expect(await asApp(`DROP TABLE ${table} CASCADE`)).toBe('42501');
    expect(
      await asApp(
        `CREATE OR REPLACE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
      ),
    ).toBe('42501');
    expect(await asApp(`SET session_replication_role = replica`)).toBe('42501');
    // Granting oneself is a warning ("no privileges were granted"), and the update still fails.
    expect(await asApp(`GRANT UPDATE, DELETE ON ${table} TO current_user; DELETE FROM ${table}`)).toBe('42501');
  });

  it('appends to the audit trail as the application role (a sign-in is recorded)', async () => {
    const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`);
    await t.login('hr.almaty');
    const after = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`);
    expect(after[0].n).toBeGreaterThan(before[0].n);
  });

  it('keeps ordinary tables writable and the schema closed to the application role', async () => {
    expect(await asApp(`UPDATE user_account SET username = username`)).toBeNull();
    expect(await asApp(`INSERT INTO schema_migration (timestamp, name) VALUES (1, 'forged')`)).toBe('42501');
    expect(await asApp(`CREATE TABLE public.probe (id int)`)).toBe('42501');
    expect(await asApp(`ALTER TABLE user_account ADD COLUMN probe int`)).toBe('42501');
  });

  it('lets the application role add a job queue (its table is made with the owner rights of pg-boss)', async () => {
    expect(await asApp(`SELECT pgboss.create_queue('probe-queue', '{"policy":"standard"}')`)).toBeNull();
    await app.query(`SELECT pgboss.create_queue('probe-queue', '{"policy":"standard"}')`);
    await app.query(`INSERT INTO pgboss.job (name, data) VALUES ('probe-queue', '{}')`);
    const [{ n }] = (await app.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'probe-queue'`)).rows;
    expect(n).toBe(1);
  });
});

/** A column of each append-only table to "update" in place. */
function column(table: string): string {
  return table === 'audit_event' ? 'occurred_at' : 'created_at';
}
