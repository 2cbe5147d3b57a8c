import { Client } from 'pg';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE_NAME = 'lms';

/** The database the process talks to, and whether it was started by us. */
export interface DatabaseServer {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * With a DATABASE_URL, use it; without one, start (or reuse) the embedded
 * PostgreSQL whose cluster lives under `dataDir`.
 */
export async function openDatabaseServer(
  databaseUrl: string | null,
  dataDir: string,
  log: (message: string) => void = () => undefined,
): Promise<DatabaseServer> {
  if (databaseUrl) return { url: databaseUrl, embedded: false, stop: async () => undefined };
  const server = await startEmbeddedPostgres({ dir: join(dataDir, 'postgres'), log });
  await ensureDatabase(server.adminUrl, EMBEDDED_DATABASE_NAME);
  return { url: server.url(EMBEDDED_DATABASE_NAME), embedded: true, stop: () => server.stop() };
}
