import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client, escapeIdentifier } from 'pg';
import { appRoleName, loadConfig, migrateDatabase } from '@lms/core';
import { DemoSeeder } from '@lms/demo';
import { PlatformModule, SCHEMA } from '@lms/platform';
import { databaseUrl, onServer, openTestServer } from './test-database';

/**
 * Started once per test run by Jest's global setup, as a plain Node process
 * (ES-module dependencies load natively here). It opens the database server
 * (TEST_DATABASE_URL, or an embedded PostgreSQL it keeps running), prepares a
 * template database migrated and loaded with the demo organisation, prints
 * one JSON line, and stops when its stdin closes. Every test file clones the
 * template, so files start from the same state and never see each other.
 */
async function main(): Promise<void> {
  const server = await openTestServer();
  const template = `lms_test_template_${process.pid}`;
  await onServer(server.adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${template}`);
  });
  const url = databaseUrl(server.adminUrl, template);
  await migrateDatabase(url, SCHEMA);

  const config = loadConfig({ DATABASE_URL: url, JWT_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' });
  const app = await NestFactory.createApplicationContext(PlatformModule.forRoot(config, url), { logger: false });
  await app.get(DemoSeeder).seed();
  await app.close();

  let stopping = false;
  const stop = async () => {
    if (stopping) return; // stdin's 'end' and 'close' both arrive
    stopping = true;
    await onServer(server.adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await dropOrphanAppRoles(client);
    }).catch(() => undefined);
    await server.stop();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.stdin.on('close', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.stdin.resume();
  process.stdout.write(JSON.stringify({ serverUrl: server.adminUrl, template }) + '\n');
}

/**
 * Application roles (one per database, `appRoleName`) of test databases that
 * are gone: those test files dropped their databases but left the role,
 * which belongs to the whole server. Another run's roles still have theirs.
 */
async function dropOrphanAppRoles(client: Client): Promise<void> {
  const databases = (await client.query<{ datname: string }>('SELECT datname FROM pg_database')).rows;
  const live = new Set(databases.map((row) => appRoleName(row.datname)));
  const roles = await client.query<{ rolname: string }>(
    `SELECT rolname FROM pg_roles WHERE rolname LIKE 'lms\\_app\\_lms\\_test\\_%'`,
  );
  for (const { rolname } of roles.rows)
    if (!live.has(rolname))
      await client.query(`DROP ROLE IF EXISTS ${escapeIdentifier(rolname)}`).catch(() => undefined);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `test database setup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
