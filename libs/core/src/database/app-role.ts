import { createHash, createHmac } from 'node:crypto';
import { escapeIdentifier, escapeLiteral } from 'pg';

/**
 * Tables whose rows are evidence: the application's role may read them and
 * add to them, never change, remove or empty them (nor alter the tables or
 * their triggers, which only their owner may).
 */
export const APPEND_ONLY_TABLES = ['audit_event', 'report_snapshot', 'report_rendering'] as const;

/** Tables the application reads but never writes. */
const READ_ONLY_TABLES = ['schema_migration'];

/** Schemas the application works in (`pgboss`: the job queue's, when installed). */
const APP_SCHEMAS = ['public', 'pgboss'];

type Query = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** Who the application connects as, and why. */
export interface AppAccess {
  /** The URL the API and the workers connect with. */
  url: string;
  role: string;
  /** `owner`: no separate role could be had (a warning was logged). */
  mode: 'given' | 'managed' | 'owner';
}

/**
 * The login role the application uses on `database`. Roles belong to the
 * whole server, databases do not: a role per database keeps the grants of
 * two databases on one server (tests run many side by side) apart.
 */
export function appRoleName(database: string): string {
  const clean = database.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const name = `lms_app_${clean}`;
  if (name.length <= 63) return name;
  const digest = createHash('sha256').update(database).digest('hex').slice(0, 10);
  return `${name.slice(0, 52)}_${digest}`;
}

/**
 * The managed role's password, derived from the owner's (whoever may
 * migrate may also become the application): every process of a deployment
 * computes the same one, nothing is stored, and changing the owner's password
 * changes it at the next start.
 */
export function appRolePassword(ownerUrl: string, role: string): string {
  const owner = new URL(ownerUrl);
  return createHmac('sha256', `lms app role|${decodeURIComponent(owner.password)}|${owner.username}`)
    .update(role)
    .digest('base64url');
}

function withCredentials(url: string, user: string, password: string): string {
  const next = new URL(url);
  next.username = encodeURIComponent(user);
  next.password = encodeURIComponent(password);
  return next.toString();
}

/**
 * Gives `role` what the running application needs on the current database,
 * and no more: ordinary reads and writes on the tables, SELECT and INSERT
 * only on the append-only ones, nothing on the schema itself. Idempotent; run
 * after every migration (new tables get their grants here). The job queue
 * creates a table per new queue at run time: its `create_queue` and
 * `delete_queue` functions run with their owner's rights.
 */
export async function grantAppRole(query: Query, role: string): Promise<void> {
  const who = escapeIdentifier(role);
  const present = await query(`SELECT nspname FROM pg_namespace WHERE nspname = ANY($1::text[])`, [APP_SCHEMAS]);
  for (const { nspname } of present) {
    const schema = escapeIdentifier(String(nspname));
    await query(`GRANT USAGE ON SCHEMA ${schema} TO ${who}`);
    await query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${who}`);
    await query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${who}`);
    await query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${who}`,
    );
    await query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${who}`);
  }
  const tables = await query(
    `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname = ANY($1::text[])`,
    [[...APPEND_ONLY_TABLES, ...READ_ONLY_TABLES]],
  );
  for (const { relname } of tables) {
    const table = escapeIdentifier(String(relname));
    const denied = READ_ONLY_TABLES.includes(String(relname)) ? 'INSERT, UPDATE, DELETE' : 'UPDATE, DELETE';
    await query(`REVOKE ${denied}, TRUNCATE, REFERENCES, TRIGGER ON ${table} FROM ${who}`);
  }
  const queueFunctions = await query(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
     WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = 'pgboss')
       AND p.proname IN ('create_queue', 'delete_queue') AND NOT p.prosecdef`,
  );
  for (const { signature } of queueFunctions)
    await query(`ALTER FUNCTION ${String(signature)} SECURITY DEFINER SET search_path = pg_catalog, pg_temp`);
}

/**
 * Decides who the application connects as, with the owner's connection
 * (`query`, on the database at `ownerUrl`, under the migration lock):
 * - `APP_DATABASE_URL` given: its user gets the grants;
 * - else, if the owner may create roles (the embedded superuser, or a role
 *   with CREATEROLE): a login role per database, created or brought up to
 *   date here, with a password derived from the owner's;
 * - else the owner itself, with a warning.
 */
export async function prepareAppAccess(
  query: Query,
  ownerUrl: string,
  appUrl: string | null,
  warn: (message: string) => void,
): Promise<AppAccess> {
  const owner = decodeURIComponent(new URL(ownerUrl).username);
  if (appUrl) {
    const role = decodeURIComponent(new URL(appUrl).username);
    if (role !== owner) await grantAppRole(query, role);
    return { url: appUrl, role, mode: role === owner ? 'owner' : 'given' };
  }
  const [me] = await query(
    `SELECT current_database() AS database, rolsuper OR rolcreaterole AS may_create
     FROM pg_roles WHERE rolname = current_user`,
  );
  const role = appRoleName(String(me.database));
  if (!me.may_create) {
    warn(
      `the application runs as the database owner ${owner}, who may change the audit trail and frozen reports: ` +
        'set APP_DATABASE_URL to a separate login role, or let the owner create roles (CREATEROLE)',
    );
    return { url: ownerUrl, role: owner, mode: 'owner' };
  }
  const password = appRolePassword(ownerUrl, role);
  const exists = await query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const options = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${escapeLiteral(password)}`;
  await query(`${exists.length ? 'ALTER' : 'CREATE'} ROLE ${escapeIdentifier(role)} ${options}`);
  await grantAppRole(query, role);
  return { url: withCredentials(ownerUrl, role, password), role, mode: 'managed' };
}
