import { apiAs, createTrainer } from '../support/api-client';
import { createCourse } from '../support/catalogue-fixtures';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

const HOUR = 3600_000;

/** The inbox, what HR sees was sent, contact details, calendar feeds and the admin's view of the job queue, over HTTP. */
describe('notifications, calendar feeds and jobs over HTTP', () => {
  let t: TestApp;
  let hr: ReturnType<typeof apiAs>;
  let officer: ReturnType<typeof apiAs>;
  let officerId: string;
  let officerUserId: string;
  let trainerUserId: string;
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    hr = apiAs(t, await t.login('hr.almaty'));
    officer = apiAs(t, await t.login('officer'));
    const me = await officer.get('/me');
    officerId = me.body.officerId;
    officerUserId = me.body.id;
    trainerUserId = (await createTrainer(t, 'notifications.trainer')).id;
    // A booked session, then cancelled: the cancellation notice the seminars write reaches the officer's inbox.
    const { courseId } = await createCourse(t, 'N-CANCEL');
    await hr.post('/enrollments', { courseId, officerIds: [officerId], dueInDays: 30 }).expect(201);
    const startsAt = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 72 * HOUR);
    const session = await hr.post('/sessions', {
      courseId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      location: { address: 'Алматы, пр. Абая, 109' },
      trainerUserId,
      capacity: 5,
      language: 'ru',
    });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    await officer.post(`/sessions/${sessionId}/bookings`, {}).expect(201);
    await hr.post(`/sessions/${sessionId}/cancel`, { reason: 'Тренер заболел' }).expect(200);
  });

  afterAll(() => t?.close());

  /** The cancellation notice of this test's session (the demo's history may have told the officer other things). */
  const cancellation = async (lang = '') => {
    const inbox = await officer.get(`/me/notifications?limit=500${lang}`);
    expect(inbox.status).toBe(200);
    return inbox.body.items.find(
      (n: { kind: string; payload: { sessionId?: string } }) =>
        n.kind === 'seminar.session-cancelled' && n.payload.sessionId === sessionId,
    );
  };

  it('shows a cancelled session in the officer inbox, in their language, and marks it read once', async () => {
    const note = await cancellation();
    expect(note).toMatchObject({
      kind: 'seminar.session-cancelled',
      title: 'Семинар отменён: N-CANCEL (ru)',
      readAt: null,
      email: { status: 'no-address', sentAt: null },
    });
    expect(note.body).toContain('Причина: Тренер заболел');
    expect((await cancellation('&lang=kk')).title).toBe('Семинар өтпейді: N-CANCEL (kk)');
    const before = (await officer.get('/me/notifications/unread-count')).body.unread;
    expect(before).toBeGreaterThanOrEqual(1);

    const read = await officer.post(`/me/notifications/${note.id}/read`, {});
    expect(read.status).toBe(200);
    const again = await officer.post(`/me/notifications/${note.id}/read`, {});
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await officer.get('/me/notifications/unread-count')).body).toEqual({ unread: before - 1 });
    const unread = await officer.get('/me/notifications?unread=true&limit=500');
    expect(unread.body.items.some((n: { id: string }) => n.id === note.id)).toBe(false);
    expect((await cancellation()).readAt).toBe(read.body.readAt);
  });

  it("answers 404 for someone else's notification and 422 for a bad filter", async () => {
    const note = await cancellation();
    expectProblem(await hr.post(`/me/notifications/${note.id}/read`, {}), 404);
    expectProblem(await officer.get('/me/notifications?unread=maybe'), 422);
  });

  it('lets HR see what was sent in its subtree, and not another region', async () => {
    const sent = await hr.get(`/notifications?officerId=${officerId}&kind=seminar.session-cancelled&limit=500`);
    expect(sent.status).toBe(200);
    // Newest first: this test's cancellation, after anything the demo's history sent.
    expect(sent.body.items[0]).toMatchObject({
      kind: 'seminar.session-cancelled',
      recipient: { officerId, userId: null },
      email: { status: 'no-address', to: null },
    });
    expect(sent.body.items[0].readAt).not.toBeNull();
    const astana = apiAs(t, await t.login('hr.astana'));
    expect((await astana.get(`/notifications?officerId=${officerId}`)).body.total).toBe(0); // not Astana's officer
    expectProblem(await officer.get('/notifications'), 403);
  });

  it('keeps an e-mail address and language per account, set by the user or by HR, validated', async () => {
    expectProblem(await officer.patch('/me/contact', { email: 'not an address' }), 422);
    const own = await officer.patch('/me/contact', { email: ' E.Serikov@Police.KZ ', language: 'kk' });
    expect(own.body).toEqual({ userId: officerUserId, email: 'e.serikov@police.kz', language: 'kk' });
    const byHr = await t
      .http()
      .put(`/api/v1/users/${officerUserId}/contact`)
      .set('authorization', `Bearer ${await t.login('hr.almaty')}`)
      .send({ email: null });
    expect(byHr.body).toEqual({ userId: officerUserId, email: null, language: 'kk' });
    const outside = await t
      .http()
      .put(`/api/v1/users/${officerUserId}/contact`)
      .set('authorization', `Bearer ${await t.login('hr.astana')}`)
      .send({ email: 'x@police.kz' });
    expectProblem(outside, 404);
  });

  it('serves a secret calendar feed without a token, and 404 once revoked', async () => {
    const created = await officer.post('/me/calendar-feeds', {});
    expect(created.status).toBe(201);
    const path = new URL(created.body.url).pathname;
    expect(path).toMatch(/^\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\/sessions\.ics$/);
    const feed = await t.http().get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.text).toContain(`UID:${sessionId}`);
    expect(feed.text).toContain('STATUS:CANCELLED'); // the subscribed calendar drops it
    const [stored] = await t.sql<{ token_hash: string }>('SELECT token_hash FROM calendar_feed WHERE id = $1', [
      created.body.id,
    ]);
    expect(path).not.toContain(stored.token_hash);
    expect((await officer.get('/me/calendar-feeds')).body).toMatchObject({
      total: 1,
      items: [{ id: created.body.id }],
    });

    expectProblem(await hr.delete(`/me/calendar-feeds/${created.body.id}`), 404); // not HR's
    expect((await officer.delete(`/me/calendar-feeds/${created.body.id}`)).status).toBe(204);
    expectProblem(await t.http().get(path), 404);
    expectProblem(await t.http().get('/api/v1/calendar-feeds/not-a-token/sessions.ics'), 404);
  });

  it('lists jobs to admins only, paginated, and refuses to retry a job that has not failed', async () => {
    const admin = apiAs(t, await t.login('admin'));
    const jobs = await admin.get('/jobs?limit=5');
    expect(jobs.status).toBe(200);
    expect(jobs.body).toMatchObject({ limit: 5, offset: 0 });
    const email = jobs.body.items.find((job: { name: string }) => job.name === 'notifications.email');
    expect(email).toBeUndefined(); // nobody had an address: no e-mail was queued
    expectProblem(await hr.get('/jobs?state=failed'), 403);
    expectProblem(await admin.get('/jobs?state=lost'), 422);
    expectProblem(await admin.post('/jobs/00000000-0000-4000-8000-000000000000/retry', {}), 404);
  });
});
