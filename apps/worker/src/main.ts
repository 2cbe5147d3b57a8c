import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, loadConfigOrExit, migrateDatabase, openDatabaseServer, PinoLoggerService } from '@lms/core';
import { SCHEMA } from '@lms/platform';
import { RecurrenceJob } from './jobs/recurrence.job';
import { WorkerModule } from './worker.module';

/** How often the periodic jobs run. */
const INTERVAL_MS = Number(process.env.WORKER_INTERVAL_SECONDS ?? 600) * 1000;

/**
 * The background process. Today: recurrence (new cycles for expired
 * completions) every WORKER_INTERVAL_SECONDS (default 600). Any number of
 * workers can run on one database; a lock keeps rounds from overlapping.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // The same log lines as the API's.
  const nestLogger = new PinoLoggerService(createLogger(config));
  Logger.overrideLogger(nestLogger);
  const logger = new Logger('Worker');
  const db = await openDatabaseServer(config.databaseUrl, config.dataDir, (m) => logger.debug(m));
  await migrateDatabase(db.url, SCHEMA);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, db.url), { logger: nestLogger });
  const recurrence = app.get(RecurrenceJob);
  const round = () =>
    recurrence.run().catch((error: unknown) => logger.error(error instanceof Error ? error.message : String(error)));
  await round();
  const timer = setInterval(() => void round(), INTERVAL_MS);
  logger.log(`worker started; jobs run every ${INTERVAL_MS / 1000} s`);
  const stop = () => {
    clearInterval(timer);
    void app
      .close()
      .then(() => db.stop())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
