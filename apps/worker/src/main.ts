import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, openDatabaseServer } from '@lms/core';
import { WorkerModule } from './worker.module';

/**
 * The background process: reminders, recurrence and scheduled reports will
 * run here from a PostgreSQL-backed queue. For now it connects and idles.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      process.exit(2);
    }
    throw error;
  }
  const db = await openDatabaseServer(config.databaseUrl, config.dataDir);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, db.url));
  const logger = new Logger('Worker');
  logger.log('worker started; no jobs are defined yet');
  const keepAlive = setInterval(() => undefined, 60_000);
  const stop = () => {
    clearInterval(keepAlive);
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
