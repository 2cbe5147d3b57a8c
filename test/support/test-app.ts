import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { AppConfig, appRoleName, loadConfig } from '@lms/core';
import { DEMO_ACCOUNTS } from '@lms/demo';
import { createApi } from '../../apps/api/src/bootstrap';
import { databaseUrl, onServer } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-'.padEnd(48, 'x');
/** The key sealing second-factor secrets in test applications (32 bytes, base64). */
export const TEST_TOTP_KEY = Buffer.alloc(32, 7).toString('base64');

/** Tests fire many requests from one address and user; the limits themselves are tested with small ones. */
export const GENEROUS_LIMITS = { RATE_LIMIT_PER_ADDRESS: '100000000', RATE_LIMIT_PER_USER: '100000000' };

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** The database's owner (migrations, the test's own SQL). */
  url: string;
  /** What the application connects with: its own role, which owns nothing. */
  appUrl: string;
  http(): ReturnType<typeof request>;
  /** Runs SQL directly against this file's database (for checking what was written). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** The file the application logs to (JSON lines), when the run keeps logs (LMS_TEST_LOG_DIR). */
  logFile?: string;
  /** Signs in and returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A full API (the same bootstrap as `npm start`) on a fresh clone of the demo
 * template database; `env` may depend on that database's URL. `listen`:
 * also listen on HOST and PORT, as `npm start` does; `prepare` runs SQL on
 * the clone before the API starts.
 */
export async function createTestApp(
  env: Record<string, string> | ((url: string) => Record<string, string>) = {},
  options: { listen?: boolean; prepare?: (client: Client) => Promise<unknown> } = {},
): Promise<TestApp> {
  const server = process.env.LMS_TEST_SERVER_URL!;
  const name = `lms_test_${randomBytes(6).toString('hex')}`;
  await onServer(server, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.LMS_TEST_TEMPLATE}`));
  const url = databaseUrl(server, name);
  if (options.prepare) {
    const client = new Client({ connectionString: url });
    await client.connect();
    await options.prepare(client).finally(() => client.end());
  }
  return createTestAppOn(
    url,
    env,
    () =>
      onServer(server, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.query(`DROP ROLE IF EXISTS ${appRoleName(name)}`);
      }),
    url,
    options.listen ?? false,
  );
}

/**
 * A full API on the database at `url` (already migrated, or migrated by the
 * bootstrap); `stop` runs after it closed. `sqlUrl` is where the test's own
 * SQL goes (e.g. around a proxy that the application goes through). `listen`:
 * also listen on HOST and PORT, as `npm start` does.
 */
export async function createTestAppOn(
  url: string,
  env: Record<string, string> | ((url: string) => Record<string, string>) = {},
  stop: () => Promise<void> = async () => undefined,
  sqlUrl = url,
  listen = false,
): Promise<TestApp> {
  // With LMS_TEST_LOG_DIR (set by the global setup) every line the application logs is kept, for the
  // global teardown to scan for secrets.
  const logDir = process.env.LMS_TEST_LOG_DIR;
  const config = loadConfig({
    DATABASE_URL: url,
    JWT_SECRET: TEST_JWT_SECRET,
    TOTP_ENCRYPTION_KEY: TEST_TOTP_KEY,
    LOG_LEVEL: logDir ? 'debug' : 'silent',
    ...GENEROUS_LIMITS,
    ...(typeof env === 'function' ? env(url) : env),
  });
  const logFile = logDir ? `${logDir}/${process.pid}-${randomBytes(4).toString('hex')}.log` : undefined;
  const api = await createApi(config, { listen, database: { url, embedded: false, stop }, logFile });
  const open = async () => {
    const client = new Client({ connectionString: sqlUrl });
    client.on('error', () => undefined); // a fault test crashes the database under it; the next query reconnects
    await client.connect();
    return client;
  };
  let sqlClient = await open();
  const http = () => request(api.app.getHttpServer());
  return {
    app: api.app,
    config,
    url,
    appUrl: api.access.url,
    http,
    logFile,
    sql: async (text, params) => {
      try {
        return (await sqlClient.query(text, params)).rows;
      } catch (error) {
        // The test's own connection died with the database (a fault test): connect again once.
        if (!/terminat|ECONNRE|not queryable/i.test(String(error))) throw error;
        sqlClient.end().catch(() => undefined);
        sqlClient = await open();
        return (await sqlClient.query(text, params)).rows;
      }
    },
    login: async (username, password) => {
      const demo = DEMO_ACCOUNTS.find((account) => account.username === username);
      const response = await http()
        .post('/api/v1/auth/login')
        .send({ username, password: password ?? demo?.password });
      if (response.status !== 200)
        throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.accessToken as string;
    },
    close: async () => {
      await sqlClient.end().catch(() => undefined);
      await api.close();
    },
  };
}
