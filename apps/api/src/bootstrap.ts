import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppConfig, DatabaseServer, migrate, openDatabaseServer, openDataSource } from '@lms/core';
import { DemoSeeder } from '@lms/demo';
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

/** Brings the database up to date before the app starts serving. */
export async function prepareSchema(url: string, log: (message: string) => void): Promise<void> {
  const dataSource = await openDataSource(url, SCHEMA, 2);
  try {
    const applied = await migrate(dataSource);
    if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
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
  const logger = new Logger('Bootstrap');
  const database =
    options.database ?? (await openDatabaseServer(config.databaseUrl, config.dataDir, (m) => logger.debug?.(m)));
  if (database.embedded) logger.log(`embedded PostgreSQL ready (data in ${config.dataDir})`);
  await prepareSchema(database.url, (m) => logger.log(m));

  const app = await NestFactory.create(AppModule.forRoot(config, database.url), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger));
  configureApp(app, config);
  await app.init();
  notFoundPages(app);

  if (database.embedded && config.demoData) await app.get(DemoSeeder).seedIfEmpty();
  await app.get(AdminBootstrapService).onStartup();
  if (options.listen !== false) {
    await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
    logger.log(`open http://localhost:${config.port}/ to sign in (API at /api/v1, docs at /api/v1/docs)`);
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
