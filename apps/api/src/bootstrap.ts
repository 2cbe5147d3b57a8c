import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppConfig, DatabaseServer, migrateDatabase, openDatabaseServer } from '@lms/core';
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
  // The database is brought up to date before the app starts serving.
  const applied = await migrateDatabase(database.url, SCHEMA);
  if (applied.length > 0) logger.log(`applied migrations: ${applied.join(', ')}`);

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
