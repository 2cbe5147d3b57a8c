import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase, startEmbeddedPostgres } from '@lms/core';

/**
 * Where tests get their databases: TEST_DATABASE_URL (a server we may create
 * databases on) or, without it, an embedded PostgreSQL in a temporary folder.
 */
export async function openTestServer(): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return { adminUrl: given, stop: async () => undefined };
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres({
    dir: mkdtempSync(join(tmpdir(), 'lms-test-')),
    ephemeral: true,
  });
  return { adminUrl: embedded.adminUrl, stop: () => embedded.stop() };
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
