import { Client, ClientConfig } from 'pg';
import { DataSource, DataSourceOptions, EntitySchema, MigrationInterface } from 'typeorm';
import { AppAccess, prepareAppAccess } from './app-role';
import { ADVISORY_LOCKS } from './locks';

export type EntityClass = Function | EntitySchema;
export type MigrationClass = new () => MigrationInterface;

/**
 * A schema that a library creates and upgrades by itself (the job queue's
 * `pgboss`): installed right after our migrations, under the same lock, so
 * that every way of starting the system brings it up to date too.
 */
export interface ManagedSchema {
  name: string;
  install(url: string): Promise<void>;
}

export interface SchemaDefinition {
  entities: EntityClass[];
  migrations: MigrationClass[];
  managed?: ManagedSchema[];
}

/** How long a new database connection may take to open before the request that needs it answers 503. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** pg's client with a connect timeout of its own (the pool's option would also limit the wait for a free client). */
class TimedClient extends Client {
  constructor(config: ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

export function dataSourceOptions(url: string, schema: SchemaDefinition, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; never CREATE EXTENSION at connect.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    // A new connection that cannot be made in time fails (a 503) instead of leaving the request waiting;
    // waiting for a pooled one under a burst of load is not limited. Keep-alive notices a server that
    // vanished without closing its sockets.
    extra: { max: poolSize, application_name: 'lms', keepAlive: true, Client: TimedClient },
  };
}

export async function openDataSource(url: string, schema: SchemaDefinition, poolSize?: number): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url, schema, poolSize)).initialize();
}

/** A step run on the migrated database, still under the migration lock (the application role's grants). */
export type AfterMigrations = (
  query: (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>,
) => Promise<void>;

/**
 * Applies pending migrations, then installs or upgrades the library-managed
 * schemas, then runs `after`; returns the names of the migrations applied. A
 * session advisory lock makes API and worker processes starting together take
 * turns.
 */
export async function migrate(
  dataSource: DataSource,
  url: string,
  managed: ManagedSchema[] = [],
  after?: AfterMigrations,
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.migrations]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const schema of managed) await schema.install(url);
    if (after) await after((sql, params) => runner.query(sql, params));
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS.migrations]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Opens a small DataSource on `url`, applies pending migrations, runs `work`
 * on the migrated database and closes the DataSource whatever happens: the
 * start of the API, the worker, the CLI, benchmarks and tests.
 */
export async function withMigratedDatabase<T>(
  url: string,
  schema: SchemaDefinition,
  work: (dataSource: DataSource, applied: string[]) => Promise<T>,
  after?: AfterMigrations,
): Promise<T> {
  const dataSource = await openDataSource(url, schema, 2);
  try {
    return await work(dataSource, await migrate(dataSource, url, schema.managed, after));
  } finally {
    await dataSource.destroy();
  }
}

/** Brings the database at `url` up to date; returns the names of the migrations applied. */
export function migrateDatabase(url: string, schema: SchemaDefinition): Promise<string[]> {
  return withMigratedDatabase(url, schema, async (_dataSource, applied) => applied);
}

/**
 * What the API and the workers do at start: with the owner's connection
 * (`ownerUrl`, DATABASE_URL or the embedded superuser) bring the database up
 * to date, then prepare the application's own role (see `prepareAppAccess`);
 * the application then connects as that role.
 */
export async function prepareDatabase(
  ownerUrl: string,
  schema: SchemaDefinition,
  appUrl: string | null,
  warn: (message: string) => void,
): Promise<{ applied: string[]; access: AppAccess }> {
  let access: AppAccess | undefined;
  const applied = await withMigratedDatabase(
    ownerUrl,
    schema,
    async (_dataSource, names) => names,
    async (query) => {
      access = await prepareAppAccess(query, ownerUrl, appUrl, warn);
    },
  );
  return { applied, access: access! };
}

/** SQL the entities would need beyond the migrated schema (empty when in sync). */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}
