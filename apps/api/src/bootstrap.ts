import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AppAccess,
  AppConfig,
  createLogger,
  isLoopbackHost,
  DatabaseServer,
  openDatabaseServer,
  prepareDatabase,
  PinoLoggerService,
} from '@lms/core';
import { DEMO_ACCOUNTS, DemoSeeder } from '@lms/demo';
import { AdminBootstrapService, TotpSecrets } from '@lms/identity';
import { SCHEMA } from '@lms/platform';
import { notFoundPages } from '@lms/web';
import { AppModule } from './app.module';
import { configureApp } from './http-setup';

export interface RunningApi {
  app: INestApplication;
  database: DatabaseServer;
  /** Who the application connects as (not the owner that migrated, unless a warning said so). */
  access: AppAccess;
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
  // The database is brought up to date (as its owner) before the app starts serving, as a role that owns nothing.
  const { applied, access } = await prepareDatabase(database.url, SCHEMA, config.appDatabaseUrl, (m) => logger.warn(m));
  if (applied.length > 0) logger.log(`applied ${applied.length} migration(s), the last ${applied.at(-1)}`);
  logger.debug(`connecting as ${access.role} (${access.mode})`);

  const app = await NestFactory.create(AppModule.forRoot(config, access.url, { worksJobs: options.worksJobs }), {
    bodyParser: false,
    logger: nestLogger,
  });
  configureApp(app, config, pino);
  await app.init();
  notFoundPages(app);
  // A wrong TOTP key stops start-up here, not as a 500 at the first sign-in; plain-text secrets get sealed.
  await app
    .get(TotpSecrets)
    .prepare()
    .catch(async (error: unknown) => {
      await app.close();
      await database.stop();
      throw error;
    });

  const demo = database.embedded && config.demoData;
  if (demo) await app.get(DemoSeeder).seedIfEmpty();
  await app.get(AdminBootstrapService).onStartup();
  if (options.listen !== false) {
    await refuseExposedDemo(app, config).catch(async (error: unknown) => {
      await app.close();
      await database.stop();
      throw error;
    });
    await app.listen(config.port, config.host);
    const local = config.host === '0.0.0.0' || config.host === '::' || isLoopbackHost(config.host);
    const origin = `http://${local ? 'localhost' : config.host}:${config.port}`;
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
    access,
    close: async () => {
      await app.close();
      await database.stop();
    },
  };
}

/** Start-up stops: the demo's published passwords would face the network. */
export class ExposedDemoError extends Error {}

/**
 * On an address other machines reach, start-up refuses while any demo account
 * still has its published password (demo accounts have no second factor).
 */
async function refuseExposedDemo(app: INestApplication, config: AppConfig): Promise<void> {
  if (isLoopbackHost(config.host)) return;
  const open = await app.get(DemoSeeder).accountsWithDemoPasswords();
  if (open.length === 0) return;
  throw new ExposedDemoError(
    `refusing to listen on ${config.host}: the demo accounts ${open.join(', ')} still have the published demo ` +
      'passwords. Change their passwords (or set HOST=127.0.0.1 to keep the demo on this machine only).',
  );
}
