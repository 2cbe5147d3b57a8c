import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, loadConfigOrExit, openDatabaseServer, PinoLoggerService, prepareDatabase } from '@lms/core';
import { SCHEMA } from '@lms/platform';
import { WorkerModule } from './worker.module';

/**
 * A worker process: works every job queue (e-mails, reminders, recurrence,
 * digests, snapshots) and runs the schedules. Any number of them can run on
 * one database (`npm run start:worker` each); SIGTERM or SIGINT finishes the
 * jobs in hand (or hands them back to the queue) before it exits.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // The same log lines as the API's.
  const nestLogger = new PinoLoggerService(createLogger(config));
  Logger.overrideLogger(nestLogger);
  const logger = new Logger('Worker');
  const db = await openDatabaseServer(config.databaseUrl, config.dataDir, (m) => logger.debug(m));
  // Migrated as the owner; the jobs run as the application's role (see prepareDatabase).
  const { access } = await prepareDatabase(db.url, SCHEMA, config.appDatabaseUrl, (m) => logger.warn(m));
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, access.url), {
    logger: nestLogger,
  });
  logger.log(`worker ${process.pid} started`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing the jobs in hand`);
    app
      .close()
      .then(() => db.stop())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
