import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { loadConfig, migrateDatabase, startEmbeddedPostgres } from '@lms/core';
import { PlatformModule, SCHEMA } from '@lms/platform';

export interface BenchDatabase {
  url: string;
  app: INestApplicationContext;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one benchmark: on BENCH_DATABASE_URL's server
 * when set, else on an embedded PostgreSQL in a temporary folder.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const given = process.env.BENCH_DATABASE_URL;
  const embedded = given
    ? null
    : await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), 'lms-bench-')), ephemeral: true });
  const serverUrl = given ?? embedded!.adminUrl;
  const name = `lms_bench_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString(), SCHEMA);
  const config = loadConfig({ DATABASE_URL: url.toString(), JWT_SECRET: 'b'.repeat(40), LOG_LEVEL: 'warn' });
  const app = await NestFactory.createApplicationContext(PlatformModule.forRoot(config, url.toString()), {
    logger: ['error', 'warn'],
  });
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return {
    url: url.toString(),
    app,
    sql: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    close: async () => {
      await client.end();
      await app.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await embedded?.stop();
    },
  };
}

/** Milliseconds taken by `work`, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}
