import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AppConfig,
  createLogger,
  DatabaseServer,
  migrateDatabase,
  openDatabaseServer,
  PinoLoggerService,
} from '@lms/core';
import { DEMO_ACCOUNTS, DemoSeeder } from '@lms/demo';
import { AdminBootstrapService } from '@lms/identity';
import { SCHEMA } from '@lms/platform';
import { notFoundPages } from '@lms/web';
import { AppModule } from './app.module';
import { configureApp } from './http-setup';

export interface RunningApi {
  app: INestApplication;
  database: DatabaseServer;
  close(): Promise<void>;
}

/**
 * Database (embedded or DATABASE_URL), migrations, the Nest app, demo data on
 * an empty embedded database, and the admin from the environment. With
 * `worksJobs` the process is also a job worker (`npm start`: one command for
 * the embedded setup).
 */
export async function createApi(
  config: AppConfig,
  options: { database?: DatabaseServer; listen?: boolean; worksJobs?: boolean; logFile?: string } = {},
): Promise<RunningApi> {
  const pino = createLogger(config, 1, options.logFile);
  const nestLogger = new PinoLoggerService(pino);
  Logger.overrideLogger(nestLogger);
  const logger = new Logger('Bootstrap');
  const database =
    options.database ?? (await openDatabaseServer(config.databaseUrl, config.dataDir, (m) => logger.debug(m)));
  if (database.embedded) logger.log(`embedded PostgreSQL ready (data in ${config.dataDir})`);
  // The database is brought up to date before the app starts serving.
  const applied = await migrateDatabase(database.url, SCHEMA);
  if (applied.length > 0) logger.log(`applied ${applied.length} migration(s), the last ${applied.at(-1)}`);

  const app = await NestFactory.create(AppModule.forRoot(config, database.url, { worksJobs: options.worksJobs }), {
    bodyParser: false,
    logger: nestLogger,
  });
  configureApp(app, config, pino);
  await app.init();
  notFoundPages(app);

  const demo = database.embedded && config.demoData;
  if (demo) await app.get(DemoSeeder).seedIfEmpty();
  await app.get(AdminBootstrapService).onStartup();
  if (options.listen !== false) {
    await app.listen(config.port, config.host);
    const origin = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${config.port}`;
    logger.log(`ready: open ${origin}/ to sign in (API at ${origin}/api/v1, docs at ${origin}/api/v1/docs)`);
    if (demo)
      logger.log(
        `demo accounts (username / password): ${DEMO_ACCOUNTS.map((a) => `${a.username} / ${a.password}`).join(', ')}`,
      );
    if (options.worksJobs) logger.log('and working background jobs in this process');
  }
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.stop();
    },
  };
}
