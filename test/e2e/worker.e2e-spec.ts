import { JobQueue } from '@lms/jobs';
import { NotificationService } from '@lms/notifications';
import { apiAs, createTrainer } from '../support/api-client';
import { createCourse } from '../support/catalogue-fixtures';
import { SmtpSink } from '../support/smtp-sink';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';
import { eventually, FAST_QUEUE, WorkerProcess } from '../support/worker-process';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SWEEPS = ['assignments.due-notices', 'assignments.recurrence', 'seminars.session-reminders'];
/** For the delivery tests: a schedule that does not come round while they run (their mail is only what they send). */
const NO_SCHEDULE = { SCHEDULE_CRON: '0 0 1 1 *' };

/**
 * Real worker processes (the built `npm run start:worker`) on the test's
 * database, a real SMTP server in the test, and the clock moved ahead.
 */
describe('workers: scheduled reminders and e-mail delivery', () => {
  let t: TestApp;
  let sink: SmtpSink;
  const workers: WorkerProcess[] = [];
  let officerId: string;
  let officerUserId: string;
  let trainerUserId: string;

  const startWorker = (env: Record<string, string> = {}) => {
    const worker = new WorkerProcess({
      DATABASE_URL: t.url,
      JWT_SECRET: TEST_JWT_SECRET,
      SMTP_URL: sink.url,
      ...FAST_QUEUE,
      ...env,
    });
    workers.push(worker);
    return worker.ready();
  };

  /** Active, waiting or retrying jobs of these kinds. */
  const unfinished = async (names: string[]) =>
    (
      await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) AND state IN ('created', 'retry', 'active')`,
        [names],
      )
    )[0].n;

  const notifyOfficer = async (key: string) => {
    await t.app.get(NotificationService).notify([
      {
        key,
        kind: 'enrollment.overdue',
        officerId,
        payload: { courseTitle: { kk: 'Курс', ru: 'Курс' }, dueDate: '2026-12-01' },
      },
    ]);
    const [row] = await t.sql<{ id: string }>('SELECT id FROM notification WHERE idempotency_key = $1', [key]);
    return row.id;
  };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp();
    const me = await apiAs(t, await t.login('officer')).get('/me');
    officerId = me.body.officerId;
    officerUserId = me.body.id;
    trainerUserId = (await createTrainer(t, 'worker.trainer')).id;
    await t.sql(`UPDATE user_account SET email = 'officer@police.kz', language = 'kk' WHERE id = $1`, [officerUserId]);
    await t.sql(`UPDATE user_account SET email = 'trainer@police.kz' WHERE id = $1`, [trainerUserId]);
  });

  /** The messages the sink accepted for one notification (its Message-ID is the notification's id). */
  const mailsOf = (notificationId: string) =>
    sink.messages.filter((m) => m.messageId === `<${notificationId}@lms.notifications>`);

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    // A schedule's tick after a test's last check leaves sweeps queued; the next test's workers would
    // run them on the real clock and mail the officer beside what that test sends.
    await t.sql(`DELETE FROM pgboss.schedule`);
    await t.sql(`DELETE FROM pgboss.job WHERE state IN ('created', 'retry')`);
    sink.behave(() => 'accept');
    sink.messages.length = 0;
    sink.held.length = 0;
  });

  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('sends each reminder exactly once with two workers on the same schedule and a moved clock', async () => {
    const hr = apiAs(t, await t.login('hr.almaty'));
    const officer = apiAs(t, await t.login('officer'));
    // The workers' clock: local noon (Almaty, UTC+5) of the day 2.5 days from now.
    const shifted = new Date(Date.now() + 2.5 * DAY + 5 * HOUR);
    const asOf = Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate(), 7);
    const offsetSeconds = Math.round((asOf - Date.now()) / 1000);

    // Due in 3 days: at the moved clock the 1-day reminder is due.
    const { courseId } = await createCourse(t, 'W-DUE', { seminar: { required: false, hours: 2 } });
    expect((await hr.post('/enrollments', { courseId, officerIds: [officerId], dueInDays: 3 })).status).toBe(201);
    // A session at noon the day after the moved clock, the officer booked on it.
    const session = await hr.post('/sessions', {
      courseId,
      startsAt: new Date(asOf + DAY).toISOString(),
      endsAt: new Date(asOf + DAY + 2 * HOUR).toISOString(),
      location: { address: 'Алматы, пр. Абая, 109', room: '214' },
      trainerUserId,
      capacity: 5,
      language: 'kk',
    });
    expect(session.status).toBe(201);
    expect((await officer.post(`/sessions/${session.body.id}/bookings`, {})).body.status).toBe('booked');
    // A completion that expires tomorrow in real time, so already at the moved clock: recurrence is due.
    const recurring = await createCourse(t, 'W-REC');
    const section = (await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM-MEDEU-UP'`))[0].id;
    const rule = await hr.post('/assignment-rules', {
      courseId: recurring.courseId,
      audience: { unitIds: [section] },
      dueInDays: 20,
      recurrenceMonths: 12,
    });
    expect(rule.status).toBe(201);
    const [expiring] = await t.sql<{ officer_id: string }>(
      `UPDATE enrollment SET status = 'completed', completed_at = now() - interval '1 year', expires_at = now() + interval '1 day'
       WHERE id = (SELECT id FROM enrollment WHERE course_id = $1 LIMIT 1) RETURNING officer_id`,
      [recurring.courseId],
    );

    const env = { CLOCK_OFFSET_SECONDS: String(offsetSeconds) };
    await Promise.all([startWorker(env), startWorker(env)]);

    // The demo's own enrolments are reminded too: what concerns this course is counted.
    const ours = () =>
      t.sql<{ id: string; kind: string; email_status: string }>(
        `SELECT id, kind, email_status FROM notification WHERE officer_id = $1 AND payload->>'courseId' = $2`,
        [officerId, courseId],
      );
    await eventually(
      'the due reminder and the session reminder by e-mail',
      async () => (await ours()).filter((n) => n.email_status === 'sent').length === 2,
    );
    await eventually('the next cycle', async () => {
      const [{ n }] = await t.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM enrollment WHERE course_id = $1 AND officer_id = $2 AND cycle = 2',
        [recurring.courseId, expiring.officer_id],
      );
      return n === 1;
    });
    // More runs of every sweep, as overlapping ticks would make, worked by both workers at once.
    await t.app.get(JobQueue).sendMany(SWEEPS.flatMap((name) => [1, 2, 3].map(() => ({ name, data: {} }))));
    await eventually(
      'every sweep and e-mail job to finish',
      async () => (await unfinished([...SWEEPS, 'notifications.email'])) === 0,
    );

    const notes = await ours();
    expect(notes.map((n) => n.kind).sort()).toEqual(['enrollment.due-soon', 'seminar.session-reminder']);
    expect(notes.every((n) => n.email_status === 'sent')).toBe(true);
    const ids = notes.map((n) => `<${n.id}@lms.notifications>`);
    const mails = sink.to('officer@police.kz').filter((m) => ids.includes(m.messageId!));
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.messageId).sort()).toEqual(notes.map((n) => `<${n.id}@lms.notifications>`).sort());
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Ертең семинар: W-DUE (kk)', // the officer reads Kazakh
      'Оқу мерзімі: W-DUE (kk)',
    ]);
    expect(mails.every((m) => /multipart\/alternative/.test(m.raw) && /text\/html/.test(m.raw))).toBe(true);
    const cycles = await t.sql<{ cycle: number; status: string }>(
      'SELECT cycle, status FROM enrollment WHERE course_id = $1 AND officer_id = $2 ORDER BY cycle',
      [recurring.courseId, expiring.officer_id],
    );
    expect(cycles).toEqual([
      { cycle: 1, status: 'completed' },
      { cycle: 2, status: 'assigned' },
    ]);
    // What the officer sees in the inbox.
    const inbox = await officer.get('/me/notifications?unread=true&limit=500');
    const titles = inbox.body.items.map((n: { title: string }) => n.title);
    expect(titles).toEqual(expect.arrayContaining(mails.map((m) => m.subject)));
    expect((await officer.get('/me/notifications/unread-count')).body.unread).toBe(inbox.body.total);
    expect(workers.every((worker) => worker.running)).toBe(true);
  }, 240_000);

  it('retries the job of a worker killed in the middle of sending, and sends it once', async () => {
    sink.behave((address) => (address === 'officer@police.kz' ? 'hold' : 'accept'));
    const first = await startWorker(NO_SCHEDULE);
    const id = await notifyOfficer('test.kill-mid-send');

    await eventually('the message to reach the SMTP server', () => sink.held.includes('officer@police.kz'));
    first.kill('SIGKILL'); // before the server answered: the message was not accepted
    await eventually('the killed worker to be gone', () => !first.running);
    sink.behave(() => 'accept');
    await startWorker(NO_SCHEDULE);

    await eventually('the e-mail on the retry', () => mailsOf(id).length === 1);
    await eventually('the job to complete', async () => (await unfinished(['notifications.email'])) === 0);
    const [job] = await t.sql<{ state: string; retry_count: number }>(
      `SELECT state, retry_count FROM pgboss.job WHERE name = 'notifications.email' AND data->>'notificationId' = $1`,
      [id],
    );
    expect(job.state).toBe('completed');
    expect(job.retry_count).toBeGreaterThanOrEqual(1);
    const [note] = await t.sql<{ email_status: string }>('SELECT email_status FROM notification WHERE id = $1', [id]);
    expect(note.email_status).toBe('sent');
    expect(mailsOf(id)).toHaveLength(1);
  }, 180_000);

  it.each(['refuse', 'hang'] as const)(
    'retries with back-off when the SMTP server %ss, dead-letters the job, lets an admin re-run it, and other mail goes on',
    async (behaviour) => {
      sink.behave((address) => (address === 'officer@police.kz' ? behaviour : 'accept'));
      await startWorker(NO_SCHEDULE);
      const stuck = await notifyOfficer(`test.smtp-${behaviour}`);
      await t.app.get(NotificationService).notify([
        {
          key: `test.smtp-${behaviour}-other`,
          kind: 'seminar.attendance-reminder',
          userId: trainerUserId,
          unitId: (await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM'`))[0].id,
          payload: { courseTitle: { kk: 'Курс', ru: 'Курс' }, startsAt: new Date().toISOString(), booked: 3 },
        },
      ]);
      await eventually('the other e-mail', () => sink.to('trainer@police.kz').length === 1);

      const admin = apiAs(t, await t.login('admin'));
      const failed = await eventually('the job to be dead-lettered', async () => {
        const res = await admin.get('/jobs?state=failed&name=notifications.email');
        return res.body.items.find((job: { data: { notificationId: string } }) => job.data.notificationId === stuck);
      });
      expect(failed).toMatchObject({ name: 'notifications.email', state: 'failed', retryCount: 2, retryLimit: 2 });
      expect(failed.error).toEqual(expect.any(String));
      const [attempts] = await t.sql<{ started: Date; created: Date }>(
        `SELECT started_on AS started, created_on AS created FROM pgboss.job WHERE id = $1`,
        [failed.id],
      );
      // Two back-offs of at least 1 s and 2 s lie between the first attempt and the last.
      expect(attempts.started.getTime() - attempts.created.getTime()).toBeGreaterThanOrEqual(3000);
      expect(sink.to('officer@police.kz')).toHaveLength(0);

      sink.behave(() => 'accept');
      const retried = await admin.post(`/jobs/${failed.id}/retry`, {});
      expect(retried.status).toBe(200);
      expect(retried.body.state).toBe('retry');
      await eventually('the re-run to deliver', () => mailsOf(stuck).length === 1);
      await eventually('the re-run to complete', async () => (await unfinished(['notifications.email'])) === 0);
      expect((await admin.post(`/jobs/${failed.id}/retry`, {})).status).toBe(409);
    },
    180_000,
  );
});
