import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig, migrateDatabase } from '@lms/core';
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
    await onServer(server.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)).catch(
      () => undefined,
    );
    await server.stop();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.stdin.on('close', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.stdin.resume();
  process.stdout.write(JSON.stringify({ serverUrl: server.adminUrl, template }) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `test database setup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
