import { DataSource, DataSourceOptions, EntitySchema, MigrationInterface } from 'typeorm';
import { ADVISORY_LOCKS } from './locks';

export type EntityClass = Function | EntitySchema;
export type MigrationClass = new () => MigrationInterface;

export interface SchemaDefinition {
  entities: EntityClass[];
  migrations: MigrationClass[];
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
    extra: { max: poolSize, application_name: 'lms' },
  };
}

export async function openDataSource(url: string, schema: SchemaDefinition, poolSize?: number): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url, schema, poolSize)).initialize();
}

/**
 * Applies pending migrations; returns the names applied. A session advisory
 * lock makes API and worker processes starting together take turns.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.migrations]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
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
): Promise<T> {
  const dataSource = await openDataSource(url, schema, 2);
  try {
    return await work(dataSource, await migrate(dataSource));
  } finally {
    await dataSource.destroy();
  }
}

/** Brings the database at `url` up to date; returns the names of the migrations applied. */
export function migrateDatabase(url: string, schema: SchemaDefinition): Promise<string[]> {
  return withMigratedDatabase(url, schema, async (_dataSource, applied) => applied);
}

/** SQL the entities would need beyond the migrated schema (empty when in sync). */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}
