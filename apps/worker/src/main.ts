import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { loadConfigOrExit, migrateDatabase, openDatabaseServer } from '@lms/core';
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
  const db = await openDatabaseServer(config.databaseUrl, config.dataDir);
  await migrateDatabase(db.url, SCHEMA);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, db.url), { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  const logger = new Logger('Worker');
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
