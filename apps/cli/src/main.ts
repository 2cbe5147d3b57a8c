import 'reflect-metadata';
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AppConfig,
  AuditService,
  createLogger,
  DatabaseServer,
  DomainError,
  loadConfigOrExit,
  openDatabaseServer,
  PinoLoggerService,
  prepareDatabase,
  RequestContext,
} from '@lms/core';
import { ProgrammeSeeder } from '@lms/catalogue';
import { DemoSeeder } from '@lms/demo';
import { AdminBootstrapService } from '@lms/identity';
import { OfficerImportService } from '@lms/personnel';
import { AnonymisationService, PlatformModule, SCHEMA } from '@lms/platform';
import { checkSchema, generateMigration } from './commands/schema';

const ROOT = resolve(__dirname, '../../../..');
const out = (text: string) => process.stdout.write(text + '\n');

const logger = new Logger('CLI');

/**
 * Applies pending migrations and the application role's grants; says what it
 * did on `report` (the migrate command), else in the log. The CLI itself is
 * the operator's tool and keeps the owner's connection.
 */
async function migrateAndSay(
  config: AppConfig,
  url: string,
  report: (text: string) => void = (text) => logger.debug(text),
): Promise<void> {
  const { applied, access } = await prepareDatabase(url, SCHEMA, config.appDatabaseUrl, (m) => logger.warn(m));
  report(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  report(`the application connects as ${access.role}`);
}

async function withServices<T>(
  config: AppConfig,
  db: DatabaseServer,
  work: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  await migrateAndSay(config, db.url);
  const app = await NestFactory.createApplicationContext(PlatformModule.forRoot(config, db.url), {
    logger: new PinoLoggerService(createLogger(config, 2)),
  });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
  const answer = await rl.question('Password (10+ characters): ');
  rl.close();
  return answer.trim();
}

const COMMANDS: Record<string, (config: AppConfig, db: DatabaseServer, args: string[]) => Promise<number>> = {
  migrate: async (config, db) => {
    await migrateAndSay(config, db.url, out);
    return 0;
  },
  'schema:check': (_config, db) => checkSchema(db.url),
  'migration:generate': (_config, db, args) => generateMigration(db.url, args[0] ?? '', ROOT),
  'seed:demo': (config, db) =>
    withServices(config, db, async (app) => {
      await app.get(DemoSeeder).seed();
      return 0;
    }),
  'seed:programme': (config, db) =>
    withServices(config, db, async (app) => {
      const result = await app.get(ProgrammeSeeder).seed();
      out(
        `${result.coursesCreated} course(s) loaded and published, ${result.versionsPublished} new version(s) published; programme ${result.programme}`,
      );
      for (const code of result.coursesWithDraft)
        out(`${code}: not updated, a draft is in progress (publish or discard it, then run again)`);
      out(
        `${result.bank.scenarioRevisions} scenario revision(s) and ${result.bank.drillRevisions} drill revision(s) loaded; drill plan ${result.bank.plan}`,
      );
      return 0;
    }),
  'import:officers': (config, db, args) =>
    withServices(config, db, async (app) => {
      const file = args[0];
      if (!file || !existsSync(file)) {
        process.stderr.write('usage: npm run import:officers -- <file.csv>\n');
        return 2;
      }
      const result = await app.get(OfficerImportService).import(RequestContext.system(), createReadStream(file));
      out(`created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}`);
      return 0;
    }),
  'user:create-admin': (config, db, args) =>
    withServices(config, db, async (app) => {
      const username = args[0];
      if (!username) {
        process.stderr.write(
          'usage: npm run user:create-admin -- <username>   (password from ADMIN_PASSWORD or asked)\n',
        );
        return 2;
      }
      const password = await readPassword();
      if (password.length < 10) {
        process.stderr.write('the password must have at least 10 characters\n');
        return 2;
      }
      const outcome = await app.get(AdminBootstrapService).ensureAdmin(username, password);
      out(
        outcome === 'created'
          ? `created admin ${username} for the whole organisation`
          : `a user named ${username} already exists; nothing changed`,
      );
      return 0;
    }),
  'privacy:anonymise': (config, db) =>
    withServices(config, db, async (app) => {
      const result = await app.get(AnonymisationService).anonymiseDismissed();
      out(
        `anonymised ${result.officers} officer(s) dismissed before ${result.cutoff.toISOString().slice(0, 10)} ` +
          `(retention ${config.retentionYears} years): ${result.accounts} account(s), ${result.certificates} certificate(s)`,
      );
      return 0;
    }),
  'audit:verify': (config, db) =>
    withServices(config, db, async (app) => {
      const check = await app.get(AuditService).verifyChain();
      if (check.ok) {
        out(`audit chain intact: ${check.checked} event(s) verified`);
        return 0;
      }
      const broken = check.firstBroken!;
      out(
        `audit chain BROKEN at event #${broken.seq} (${broken.id}): ${broken.reason === 'content' ? 'its content was changed' : 'the event before it was changed or removed'}`,
      );
      return 1;
    }),
};

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const run = COMMANDS[command ?? ''];
  if (!run) {
    process.stderr.write(`usage: cli <${Object.keys(COMMANDS).join('|')}> [args]\n`);
    return 2;
  }
  const config = loadConfigOrExit();
  // The command's result goes to stdout; the log (warnings, what services report) to stderr.
  Logger.overrideLogger(new PinoLoggerService(createLogger(config, 2)));
  const db = await openDatabaseServer(config.databaseUrl, config.dataDir, (m) => logger.debug(m));
  try {
    return await run(config, db, args);
  } finally {
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DomainError) {
      process.stderr.write(`${error.detail}\n${JSON.stringify(error.extra, null, 2)}\n`);
      process.exit(1);
    }
    process.stderr.write(`failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
