import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AppConfig,
  createLogger,
  DatabaseServer,
  migrate,
  openDatabaseServer,
  openDataSource,
  PinoLoggerService,
} from '@lms/core';
import { DEMO_ACCOUNTS, DemoSeeder } from '@lms/demo';
import { AdminBootstrapService } from '@lms/identity';
import { SCHEMA } from '@lms/platform';
import { AppModule } from './app.module';
import { configureApp } from './http-setup';

export interface RunningApi {
  app: INestApplication;
  database: DatabaseServer;
  close(): Promise<void>;
}

/** Brings the database up to date before the app starts serving. */
export async function prepareSchema(url: string, log: (message: string) => void): Promise<void> {
  const dataSource = await openDataSource(url, SCHEMA, 2);
  try {
    const applied = await migrate(dataSource);
    if (applied.length > 0) log(`applied ${applied.length} migration(s), the last ${applied.at(-1)}`);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Database (embedded or DATABASE_URL), migrations, the Nest app, demo data on
 * an empty embedded database, and the admin from the environment.
 */
export async function createApi(
  config: AppConfig,
  options: { database?: DatabaseServer; listen?: boolean } = {},
): Promise<RunningApi> {
  const pino = createLogger(config);
  const nestLogger = new PinoLoggerService(pino);
  Logger.overrideLogger(nestLogger);
  const logger = new Logger('Bootstrap');
  const database =
    options.database ?? (await openDatabaseServer(config.databaseUrl, config.dataDir, (m) => logger.debug(m)));
  if (database.embedded) logger.log(`embedded PostgreSQL ready (data in ${config.dataDir})`);
  await prepareSchema(database.url, (m) => logger.log(m));

  const app = await NestFactory.create(AppModule.forRoot(config, database.url), {
    bodyParser: false,
    logger: nestLogger,
  });
  configureApp(app, config, pino);
  await app.init();

  const demo = database.embedded && config.demoData;
  if (demo) await app.get(DemoSeeder).seedIfEmpty();
  await app.get(AdminBootstrapService).onStartup();
  if (options.listen !== false) {
    await app.listen(config.port, config.host);
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    logger.log(`ready: open http://${host}:${config.port}/api/v1/docs`);
    if (demo)
      logger.log(
        `demo accounts (username / password): ${DEMO_ACCOUNTS.map((a) => `${a.username} / ${a.password}`).join(', ')}`,
      );
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
