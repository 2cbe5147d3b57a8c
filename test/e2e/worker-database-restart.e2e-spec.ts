import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, migrateDatabase, TransactionHost } from '@lms/core';
import { AdminBootstrapService } from '@lms/identity';
import { NotificationService } from '@lms/notifications';
import { PlatformModule, SCHEMA } from '@lms/platform';
import { OwnPostgres, startOwnPostgres } from '../support/postgres-process';
import { SmtpSink } from '../support/smtp-sink';
import { TEST_JWT_SECRET } from '../support/test-app';
import { onServer } from '../support/test-database';
import { eventually, FAST_QUEUE, WorkerProcess } from '../support/worker-process';

/**
 * The workers' database goes away without warning and comes back on the same
 * address: the workers reconnect by themselves and carry on. The database is
 * the test's own (an embedded PostgreSQL in a temporary folder), never the
 * shared server.
 */
describe('workers: the database restarted under them', () => {
  let dir: string;
  let database: OwnPostgres;
  let url: string;
  let app: INestApplicationContext;
  let sink: SmtpSink;
  const workers: WorkerProcess[] = [];
  let adminId: string;
  let rootId: string;

  const notify = (key: string) =>
    app.get(NotificationService).notify([
      {
        key,
        kind: 'hr.digest',
        userId: adminId,
        unitId: rootId,
        payload: {
          unitName: 'МВД',
          asOf: new Date().toISOString(),
          overdue: 1,
          newlyOverdue: 0,
          dueSoon: 2,
          completed: 3,
        },
      },
    ]);

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    dir = mkdtempSync(join(tmpdir(), 'lms-restart-'));
    database = await startOwnPostgres(dir);
    await onServer(database.adminUrl, (client) => client.query('CREATE DATABASE lms'));
    url = database.url('lms');
    await migrateDatabase(url, SCHEMA);
    const config = loadConfig({
      DATABASE_URL: url,
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      ADMIN_USERNAME: 'root.admin',
      ADMIN_PASSWORD: 'a long passphrase',
    });
    app = await NestFactory.createApplicationContext(PlatformModule.forRoot(config, url), { logger: false });
    await app.get(AdminBootstrapService).onStartup();
    const tx = app.get(TransactionHost);
    [{ id: adminId }] = await tx.query<{ id: string }>(
      `UPDATE user_account SET email = 'root.admin@police.kz' WHERE username = 'root.admin' RETURNING id`,
    );
    [{ id: rootId }] = await tx.query<{ id: string }>('SELECT id FROM unit WHERE parent_id IS NULL');
  }, 150_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await app?.close();
    await database?.stop();
    await sink?.stop();
  });

  it('reconnects after the database crashed and came back, and delivers what was sent since', async () => {
    for (let i = 0; i < 2; i++) {
      const worker = new WorkerProcess({
        DATABASE_URL: url,
        JWT_SECRET: TEST_JWT_SECRET,
        SMTP_URL: sink.url,
        ...FAST_QUEUE,
        SCHEDULE_CRON: '0 0 1 1 *',
      });
      workers.push(worker);
    }
    await Promise.all(workers.map((worker) => worker.ready()));
    await notify('test.before-restart');
    await eventually('the first e-mail', () => sink.messages.length === 1);

    await database.crash();
    await new Promise((r) => setTimeout(r, 3000)); // the workers poll into a dead server meanwhile
    database = await startOwnPostgres(dir, database.port);

    await eventually('the test app to reach the database again', () =>
      notify('test.after-restart').then(
        () => true,
        () => false,
      ),
    );
    await eventually('the e-mail sent after the restart', () => sink.messages.length === 2, 45_000);
    expect(workers.every((worker) => worker.running)).toBe(true);
    expect(sink.messages.map((m) => m.subject)).toEqual([
      'Обучение за неделю: МВД', // the admin's language: Russian by default
      'Обучение за неделю: МВД',
    ]);
    const [{ sent }] = await app
      .get(TransactionHost)
      .query<{ sent: number }>(`SELECT count(*)::int AS sent FROM notification WHERE email_status = 'sent'`);
    expect(sent).toBe(2);
  }, 180_000);
});
