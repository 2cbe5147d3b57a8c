import { JobRegistry } from '@lms/jobs';
import { apiAs, createTrainer } from '../support/api-client';
import { createCourse } from '../support/catalogue-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Noon in Almaty (UTC+5) of the first Wednesday at least three days from now. */
function nextWednesdayNoon(): number {
  for (let day = 3; ; day++) {
    const local = new Date(Date.now() + day * DAY + 5 * HOUR);
    if (local.getUTCDay() === 3) return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 7);
  }
}

/**
 * The scheduled sweeps run in-process with the clock moved to a Wednesday
 * noon: overdue notices, trainers' attendance reminders, the HR digest and
 * the monthly compliance trend, each twice to show a second run adds nothing.
 */
describe('scheduled sweeps at a moved clock', () => {
  const asOf = nextWednesdayNoon();
  let t: TestApp;
  let officerId: string;
  let trainerUserId: string;
  let trainerPassword: string;
  let courseId: string;

  const run = async (name: string) => {
    const job = t.app
      .get(JobRegistry)
      .all()
      .find((definition) => definition.name === name)!;
    return (await job.handle({}, { id: 'test', name })) as Record<string, unknown>;
  };
  const count = async (sql: string, params: unknown[] = []) => (await t.sql<{ n: number }>(sql, params))[0].n;

  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'test', CLOCK_OFFSET_SECONDS: String(Math.round((asOf - Date.now()) / 1000)) });
    const hr = apiAs(t, await t.login('hr.almaty'));
    const officer = apiAs(t, await t.login('officer'));
    officerId = (await officer.get('/me')).body.officerId;
    ({ id: trainerUserId, password: trainerPassword } = await createTrainer(t, 'sweeps.trainer'));
    ({ courseId } = await createCourse(t, 'S-DUE'));
    // Due a day or two before the moved clock: overdue, and newly so this week.
    const dueInDays = Math.floor((asOf - Date.now()) / DAY) - 1;
    await hr.post('/enrollments', { courseId, officerIds: [officerId], dueInDays }).expect(201);
    // A session that has ended a day before the moved clock, the officer booked, nobody marked attendance.
    const session = await hr.post('/sessions', {
      courseId,
      startsAt: new Date(asOf - 27 * HOUR).toISOString(),
      endsAt: new Date(asOf - 25 * HOUR).toISOString(),
      location: { address: 'Алматы, пр. Абая, 109' },
      trainerUserId,
      capacity: 5,
      language: 'ru',
    });
    expect(session.status).toBe(201);
    await officer.post(`/sessions/${session.body.id}/bookings`, {}).expect(201);
  });

  afterAll(() => t?.close());

  it('tells the officer once when a due date has passed', async () => {
    // The demo's own enrolments may be due too: count what concerns this course.
    expect((await run('assignments.due-notices')).overdue).toBeGreaterThanOrEqual(1);
    expect(await run('assignments.due-notices')).toMatchObject({ overdue: 0, dueSoon: 0 });
    const inbox = await apiAs(t, await t.login('officer')).get('/me/notifications?limit=500');
    const mine = inbox.body.items.filter((n: { payload: { courseId?: string } }) => n.payload.courseId === courseId);
    expect(mine.map((n: { kind: string }) => n.kind)).toEqual(['enrollment.overdue']);
    expect(mine[0].title).toBe('Срок обучения истёк: S-DUE (ru)');
  });

  it('asks the trainer once to mark attendance after the session ended', async () => {
    expect((await run('seminars.attendance-reminders')).sent).toBeGreaterThanOrEqual(1);
    expect(await run('seminars.attendance-reminders')).toMatchObject({ sent: 0 });
    const inbox = await apiAs(t, await t.login('sweeps.trainer', trainerPassword)).get('/me/notifications');
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'seminar.attendance-reminder', payload: { booked: 1 } });
  });

  it('sends each HR user one digest of its subtree for the week', async () => {
    const first = await run('assignments.hr-digest');
    expect(first.digests).toBeGreaterThanOrEqual(2); // hr.almaty and hr.astana at least
    expect(await run('assignments.hr-digest')).toMatchObject({ digests: 0 });
    const digest = await apiAs(t, await t.login('hr.almaty')).get('/me/notifications');
    expect(digest.body.items).toHaveLength(1);
    expect(digest.body.items[0].kind).toBe('hr.digest');
    // Our officer's enrolment is among Almaty's overdue ones, and became so this week.
    expect(digest.body.items[0].payload.overdue).toBeGreaterThanOrEqual(1);
    expect(digest.body.items[0].payload.newlyOverdue).toBeGreaterThanOrEqual(1);
  });

  it("keeps last month's compliance per region once", async () => {
    const first = await run('reports.compliance-trend');
    expect(first.regions).toBe(4); // Almaty, Astana, Shymkent, Karaganda
    const rows = await count('SELECT count(*)::int AS n FROM compliance_trend WHERE period = $1', [first.period]);
    expect(rows).toBe(4);
    expect(await run('reports.compliance-trend')).toMatchObject({ period: first.period, regions: 0 });
    expect(await count('SELECT count(*)::int AS n FROM compliance_trend')).toBe(4);
  });
});
