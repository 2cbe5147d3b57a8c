import { AddressInfo } from 'node:net';
import request from 'supertest';
import { apiAs } from '../support/api-client';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

const API = '/api/v1';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const text = (s: string) => ({ kk: `${s} (kk)`, ru: `${s} (ru)`, en: s });
const SEMINAR_ONLY = { lessonsRead: false, quizPassed: false, practicalPassed: false, seminarAttended: true };

interface Booking {
  id: string;
  status: 'booked' | 'waitlisted';
  position: number | null;
}

/** A tiny iCalendar reader: the calendar's lines (unfolded) and its events as property maps. */
function parseIcs(body: string) {
  const lines = body
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter(Boolean);
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      const match = /^([A-Z-]+)(?:;[^:]*)?:(.*)$/.exec(line);
      if (match) current[match[1]] = match[2];
    }
  }
  return { lines, events };
}

describe('seminars: sessions, bookings, waitlist, attendance, rosters and calendars', () => {
  let t: TestApp;
  const api = (token: string) => apiAs(t, token);
  let hr: string;
  let hrAstana: string;
  let trainer: string;
  let officer: string;
  let admin: string;
  let trainerId: string;
  let officerId: string;
  let almId: string;
  let bostUpId: string;
  let almOfficers: string[];
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  /**
   * Each session gets its own slot so the one demo trainer is never double-booked by accident: after
   * the sessions the demo already has the trainer lead.
   */
  let nextSlot = 0;
  let firstSlot = 0;
  const slot = (hours = 3) => {
    const startsAt = new Date(firstSlot + ++nextSlot * 5 * HOUR);
    return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + hours * HOUR).toISOString() };
  };

  async function createCourse(code: string, completionRule = SEMINAR_ONLY, hours = 4) {
    const res = await api(trainer)
      .post('/courses/import?publish=true')
      .send({
        format: 'lms-course-version/1',
        course: { code, title: text(code) },
        version: {
          objectives: [],
          lessons: [{ title: text('Lesson'), body: text('Body.') }],
          seminar: { required: true, hours },
          completionRule,
          validityMonths: 24,
        },
      });
    if (res.status !== 201) throw new Error(`course ${code}: ${res.status} ${JSON.stringify(res.body)}`);
    return { courseId: res.body.courseId as string, versionId: res.body.id as string };
  }

  async function enrol(courseId: string, officerIds: string[]) {
    const res = await api(hr).post('/enrollments').send({ courseId, officerIds, dueInDays: 60 });
    expect(res.status).toBe(201);
    expect(res.body.enrolled).toBe(officerIds.length);
  }

  async function schedule(courseId: string, extra: Record<string, unknown> = {}, token = hr) {
    const res = await api(token)
      .post('/sessions')
      .send({
        courseId,
        ...slot(),
        location: { address: 'Алматы, пр. Абая, 109', room: 'ауд. 214' },
        trainerUserId: trainerId,
        capacity: 3,
        language: 'ru',
        ...extra,
      });
    if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; courseVersionId: string; unitId: string; status: string };
  }

  const book = (sessionId: string, token: string, officer?: string) =>
    api(token)
      .post(`/sessions/${sessionId}/bookings`)
      .send(officer ? { officerId: officer } : {});

  /** Moves a session (and its deadline) into the past, as time would. */
  const moveIntoPast = (sessionId: string) =>
    t.sql(
      `UPDATE seminar_session SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour',
              booking_deadline = NULL WHERE id = $1`,
      [sessionId],
    );

  const bookingCount = async (sessionId: string) =>
    (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM seminar_booking WHERE session_id = $1', [sessionId]))[0]
      .n;

  const enrollmentOf = async (officer: string, courseId: string) =>
    (
      await t.sql<{ status: string; progress: { seminarAttended?: boolean; seminarHours?: number } }>(
        'SELECT status, progress FROM enrollment WHERE officer_id = $1 AND course_id = $2 ORDER BY cycle DESC LIMIT 1',
        [officer, courseId],
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    [hr, hrAstana, trainer, officer, admin] = await Promise.all([
      t.login('hr.almaty'),
      t.login('hr.astana'),
      t.login('trainer'),
      t.login('officer'),
      t.login('admin'),
    ]);
    [{ id: trainerId }] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'trainer'`);
    const [{ busy }] = await t.sql<{ busy: Date | null }>(
      'SELECT max(ends_at) AS busy FROM seminar_session WHERE trainer_user_id = $1',
      [trainerId],
    );
    firstSlot = Math.ceil(Math.max(Date.now() + 5 * DAY, busy?.getTime() ?? 0) / HOUR) * HOUR + DAY;
    [{ officer_id: officerId }] = await t.sql<{ officer_id: string }>(
      `SELECT officer_id FROM user_account WHERE username = 'officer'`,
    );
    [{ id: almId }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM'`);
    [{ id: bostUpId }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM-BOST-UP'`);
    almOfficers = (
      await t.sql<{ id: string }>(
        `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id
         WHERE u.path LIKE (SELECT path FROM unit WHERE id = $1) || '%' AND o.status = 'active' AND o.id <> $2
         ORDER BY o.personnel_number LIMIT 40`,
        [almId, officerId],
      )
    ).map((r) => r.id);
  });
  afterAll(() => t.close());

  describe('done when', () => {
    it('HR schedules two sessions, officers fill the seats and the waitlist, a cancellation promotes the first waiting, attendance completes the enrolments of those present', async () => {
      const { courseId, versionId } = await createCourse('SEM-DONE');
      const [b, c, d, e] = almOfficers.slice(0, 4);
      await enrol(courseId, [officerId, b, c, d, e]);

      const first = await schedule(courseId, { capacity: 3 });
      const second = await schedule(courseId, { capacity: 10, language: 'kk' });
      expect(first).toMatchObject({ status: 'scheduled', courseVersionId: versionId, unitId: almId });

      // The demo officer books for themself (no body); HR books the others.
      const own = await api(officer).post(`/sessions/${first.id}/bookings`);
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ status: 'booked', position: null });
      const results: Booking[] = [];
      for (const id of [b, c, d, e]) {
        const res = await book(first.id, hr, id);
        expect(res.status).toBe(201);
        results.push(res.body);
      }
      expect(results.map((r) => [r.status, r.position])).toEqual([
        ['booked', null],
        ['booked', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ]);

      // The officer sees the session without its roster; the trainer sees who is on it.
      const asOfficer = await api(officer).get(`/sessions/${first.id}`);
      expect(asOfficer.status).toBe(200);
      expect(asOfficer.body.roster).toBeUndefined();
      expect(asOfficer.body.myBooking).toMatchObject({ id: own.body.id, status: 'booked' });
      const asTrainer = await api(trainer).get(`/sessions/${first.id}`);
      expect(asTrainer.body).toMatchObject({ capacity: 3, booked: 3, waitlisted: 2, available: 0 });
      expect(asTrainer.body.roster.map((r: { officerId: string }) => r.officerId)).toHaveLength(5);
      // Staff are told whether they may reschedule or cancel it (the pages show those forms only then); officers are not.
      expect(asTrainer.body.mayManage).toBe(true);
      expect(asOfficer.body.mayManage).toBeUndefined();

      // The officer gives the seat back: the first waiting officer (d) takes it, and is told so.
      const cancel = await api(officer).delete(`/bookings/${own.body.id}`);
      expect(cancel.status).toBe(204);
      const roster = (await api(hr).get(`/sessions/${first.id}`)).body.roster as {
        officerId: string;
        status: string;
        waitlistPosition: number | null;
      }[];
      const statusOf = Object.fromEntries(roster.map((r) => [r.officerId, [r.status, r.waitlistPosition]]));
      expect(statusOf).toEqual({
        [b]: ['booked', null],
        [c]: ['booked', null],
        [d]: ['booked', null],
        [e]: ['waitlisted', 1],
      });
      const notes = await t.sql<{ kind: string; payload: { sessionId: string } }>(
        'SELECT kind, payload FROM notification WHERE officer_id = $1',
        [d],
      );
      expect(notes).toEqual([expect.objectContaining({ kind: 'seminar.booking-promoted' })]);
      expect(notes[0].payload.sessionId).toBe(first.id);

      // Before it starts, attendance is refused.
      const early = await api(trainer)
        .put(`/sessions/${first.id}/attendance`)
        .send([{ officerId: b, status: 'present' }]);
      expectProblem(early, 409, 'session-not-started');

      await moveIntoPast(first.id);
      const marked = await api(trainer)
        .put(`/sessions/${first.id}/attendance`)
        .send([
          { officerId: b, status: 'present' },
          { officerId: c, status: 'late' },
          { officerId: d, status: 'absent' },
        ]);
      expect(marked.status).toBe(200);
      expect(marked.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ officerId: b, status: 'present', hours: 4, enrollmentStatus: 'completed' }),
          expect.objectContaining({ officerId: c, status: 'late', hours: 4, enrollmentStatus: 'completed' }),
          expect.objectContaining({ officerId: d, status: 'absent', hours: 0 }),
        ]),
      );
      expect(await enrollmentOf(b, courseId)).toMatchObject({
        status: 'completed',
        progress: expect.objectContaining({ seminarAttended: true, seminarHours: 4 }),
      });
      expect((await enrollmentOf(c, courseId)).status).toBe('completed');
      const absent = await enrollmentOf(d, courseId);
      expect(['assigned', 'in_progress']).toContain(absent.status);
      expect(absent.progress.seminarAttended ?? false).toBe(false);
      const [session] = await t.sql<{ status: string }>('SELECT status FROM seminar_session WHERE id = $1', [first.id]);
      expect(session.status).toBe('completed');
      // The place still queued for a session that took place is closed.
      const [queued] = await t.sql<{ status: string; cancel_reason: string }>(
        'SELECT status, cancel_reason FROM seminar_booking WHERE session_id = $1 AND officer_id = $2',
        [first.id, e],
      );
      expect(queued).toEqual({ status: 'cancelled', cancel_reason: 'session-started' });

      // The absent officer's booking is closed: they can book the second session.
      const again = await book(second.id, hr, d);
      expect(again.status).toBe(201);
      expect(again.body.status).toBe('booked');
      // Those who attended cannot book another seminar of the course.
      const done = await book(second.id, hr, b);
      expect(done.status).toBe(409);
    });

    it('serves a calendar file that parses: VCALENDAR, one VEVENT with DTSTART, DTEND, UID and the title in the session language', async () => {
      const { courseId } = await createCourse('SEM-ICS');
      await enrol(courseId, [officerId]);
      const session = await schedule(courseId, { language: 'kk', location: { address: 'Алматы', room: '7' } });
      const res = await api(officer).get(`/sessions/${session.id}/calendar.ics`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const { lines, events } = parseIcs(res.text);
      expect(lines[0]).toBe('BEGIN:VCALENDAR');
      expect(lines.at(-1)).toBe('END:VCALENDAR');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ UID: session.id, SUMMARY: 'SEM-ICS (kk)', STATUS: 'CONFIRMED' });
      expect(events[0].DTSTART).toMatch(/^\d{8}T\d{6}Z$/);
      expect(events[0].DTEND).toMatch(/^\d{8}T\d{6}Z$/);
      expect(events[0].LOCATION).toBe('Алматы\\, 7');

      // Booked: it appears in the officer's feed; cancelled: the feed and the file say so.
      expect((await book(session.id, officer)).status).toBe(201);
      const feed = parseIcs((await api(officer).get('/me/sessions.ics')).text);
      expect(feed.events.map((e) => e.UID)).toContain(session.id);
      await api(hr).post(`/sessions/${session.id}/cancel`).send({}).expect(200);
      const cancelled = parseIcs((await api(hr).get(`/sessions/${session.id}/calendar.ics`)).text);
      expect(cancelled.events[0]).toMatchObject({ UID: session.id, STATUS: 'CANCELLED' });
      const after = parseIcs((await api(officer).get('/me/sessions.ics')).text);
      expect(after.events.find((e) => e.UID === session.id)?.STATUS).toBe('CANCELLED');
    });
  });

  describe('what officers see', () => {
    it('lists upcoming sessions of the courses the officer is enrolled on, with the localised title, and their own bookings', async () => {
      const enrolled = await createCourse('SEM-SEEN');
      const other = await createCourse('SEM-UNSEEN');
      await enrol(enrolled.courseId, [officerId]);
      const visible = await schedule(enrolled.courseId);
      const hidden = await schedule(other.courseId);

      const list = await api(officer).get('/sessions?limit=500');
      expect(list.status).toBe(200);
      const ids = list.body.items.map((s: { id: string }) => s.id);
      expect(ids).toContain(visible.id);
      expect(ids).not.toContain(hidden.id);
      const item = list.body.items.find((s: { id: string }) => s.id === visible.id);
      expect(item.courseTitle).toEqual(text('SEM-SEEN'));
      expect(item.myBooking).toBeNull();
      expect(item.roster).toBeUndefined();
      expect((await api(officer).get(`/sessions/${hidden.id}`)).status).toBe(404);

      const booked = await book(visible.id, officer);
      expect(booked.status).toBe(201);
      const mine = await api(officer).get('/me/sessions');
      expect(mine.status).toBe(200);
      expect(mine.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: booked.body.id,
            status: 'booked',
            session: expect.objectContaining({ id: visible.id, courseTitle: text('SEM-SEEN') }),
          }),
        ]),
      );
    });

    it('filters sessions for staff by course, unit, trainer and time, and keeps other regions out', async () => {
      const { courseId } = await createCourse('SEM-FILTER');
      const session = await schedule(courseId);
      const byCourse = await api(hr).get(`/sessions?courseId=${courseId}`);
      expect(byCourse.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: session.id })] });
      const from = new Date(Date.parse(byCourse.body.items[0].startsAt) + 1000).toISOString();
      const later = await api(hr).get(`/sessions?courseId=${courseId}&from=${from}`);
      expect(later.body.total).toBe(0);
      const byTrainer = await api(trainer).get(
        `/sessions?courseId=${courseId}&trainerUserId=${trainerId}&unitId=${almId}`,
      );
      expect(byTrainer.body.total).toBe(1);
      const astana = await api(hrAstana).get(`/sessions?courseId=${courseId}`);
      expect(astana.body.total).toBe(0);
      expect((await api(hrAstana).get(`/sessions/${session.id}`)).status).toBe(404);
      const badQuery = await api(hr).get('/sessions?from=yesterday');
      expect(badQuery.status).toBe(422);
    });
  });

  describe('rosters', () => {
    it('exports the roster as CSV and a printable kk/ru sign-in sheet with names escaped', async () => {
      const { courseId } = await createCourse('SEM-ROSTER');
      const [{ id: tricky }] = await t.sql<{ id: string }>(
        `INSERT INTO officer (personnel_number, full_name, rank, position, service_type, unit_id, status, language)
         VALUES ('SEMX-1', '<script>alert(1)</script> Әлиев & Co', 'капитан полиции', 'инспектор', 'patrol', $1, 'active', 'kk')
         RETURNING id`,
        [bostUpId],
      );
      await enrol(courseId, [tricky, almOfficers[10]]);
      const session = await schedule(courseId, { capacity: 1 });
      expect((await book(session.id, hr, tricky)).body.status).toBe('booked');
      expect((await book(session.id, hr, almOfficers[10])).body.status).toBe('waitlisted');

      const csv = await api(trainer).get(`/sessions/${session.id}/roster.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toContain('ФИО');
      expect(lines[0]).toContain('Подпись');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain('<script>alert(1)</script> Әлиев & Co');
      expect(lines[2]).toContain('в листе ожидания');

      const html = await api(hr).get(`/sessions/${session.id}/roster.html`);
      expect(html.status).toBe(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.text).toContain('Лист регистрации участников семинара');
      expect(html.text).toContain('Қатысу');
      expect(html.text).toContain('Подпись');
      expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Әлиев &amp; Co');
      expect(html.text).not.toContain('<script>');
      expect(html.text).toContain('SEM-ROSTER (kk)');

      expect((await api(officer).get(`/sessions/${session.id}/roster.csv`)).status).toBe(403);
      expect((await api(hrAstana).get(`/sessions/${session.id}/roster.html`)).status).toBe(404);
    });
  });

  describe('changing and cancelling sessions', () => {
    it('cancels a session with all its bookings, notifies each officer, and refuses bookings on it afterwards', async () => {
      const { courseId } = await createCourse('SEM-CANCEL');
      const officers = almOfficers.slice(12, 15);
      await enrol(courseId, officers);
      const session = await schedule(courseId, { capacity: 2 });
      for (const id of officers) expect((await book(session.id, hr, id)).status).toBe(201);

      const res = await api(hr).post(`/sessions/${session.id}/cancel`).send({ reason: 'Тренер ауырып қалды' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'cancelled', booked: 0, waitlisted: 0 });
      const bookings = await t.sql<{ status: string }>('SELECT status FROM seminar_booking WHERE session_id = $1', [
        session.id,
      ]);
      expect(bookings.map((b) => b.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
      const notes = await t.sql<{ officer_id: string; kind: string; read_at: Date | null }>(
        `SELECT officer_id, kind, read_at FROM notification WHERE payload->>'sessionId' = $1`,
        [session.id],
      );
      expect(notes.map((n) => n.officer_id).sort()).toEqual([...officers].sort());
      expect(notes.every((n) => n.kind === 'seminar.session-cancelled' && n.read_at === null)).toBe(true);

      const late = await book(session.id, hr, officers[0]);
      expectProblem(late, 409, 'session-cancelled');
      expect(await bookingCount(session.id)).toBe(3);
      expect((await api(hr).post(`/sessions/${session.id}/cancel`).send({})).status).toBe(409);
      // The cancelled session frees the officers to book another one.
      const other = await schedule(courseId);
      expect((await book(other.id, hr, officers[0])).status).toBe(201);
    });

    it('raises capacity by promoting the waitlist, refuses to go below the booked seats, and reschedules with notice', async () => {
      const { courseId } = await createCourse('SEM-RESIZE');
      const officers = almOfficers.slice(15, 20);
      await enrol(courseId, officers);
      const session = await schedule(courseId, { capacity: 2 });
      for (const id of officers) await book(session.id, hr, id);

      const below = await api(hr).patch(`/sessions/${session.id}`).send({ capacity: 1 });
      expectProblem(below, 409, 'capacity-below-booked');
      const zero = await api(hr).patch(`/sessions/${session.id}`).send({ capacity: 0 });
      expect(zero.status).toBe(422);

      const bigger = await api(hr).patch(`/sessions/${session.id}`).send({ capacity: 4 });
      expect(bigger.status).toBe(200);
      expect(bigger.body).toMatchObject({ capacity: 4, booked: 4, waitlisted: 1 });
      const promoted = bigger.body.roster
        .filter((r: { status: string }) => r.status === 'booked')
        .map((r: { officerId: string }) => r.officerId);
      expect(promoted.sort()).toEqual(officers.slice(0, 4).sort());

      const moved = slot(2);
      const res = await api(trainer)
        .patch(`/sessions/${session.id}`)
        .send({ ...moved, location: { onlineUrl: 'https://meet.example.kz/sem-resize' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        startsAt: moved.startsAt,
        endsAt: moved.endsAt,
        location: { address: null, room: null, onlineUrl: 'https://meet.example.kz/sem-resize' },
      });
      const [{ n }] = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM notification WHERE kind = 'seminar.session-changed' AND payload->>'sessionId' = $1`,
        [session.id],
      );
      expect(n).toBe(5);
      const ics = parseIcs((await api(hr).get(`/sessions/${session.id}/calendar.ics`)).text);
      expect(Number(ics.events[0].SEQUENCE)).toBeGreaterThanOrEqual(2);
    });
  });

  describe('refusals: a clear 4xx, nothing changed', () => {
    it('refuses an end before the start, capacity 0 or negative, a start in the past and a missing location (422)', async () => {
      const { courseId } = await createCourse('SEM-BAD-INPUT');
      const before = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM seminar_session'))[0].n;
      const good = {
        courseId,
        ...slot(),
        location: { address: 'Алматы' },
        trainerUserId: trainerId,
        capacity: 5,
        language: 'ru',
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ endsAt: new Date(Date.parse(good.startsAt) - HOUR).toISOString() }, 'endsAt'],
        [{ endsAt: good.startsAt }, 'endsAt'],
        [{ capacity: 0 }, 'capacity'],
        [{ capacity: -3 }, 'capacity'],
        [{ capacity: 2.5 }, 'capacity'],
        [{ language: 'en' }, 'language'],
        [{ location: {} }, 'location.address'],
        [{ startsAt: '2026-12-01T10:00:00' }, 'startsAt'],
        [{ bookingDeadline: new Date(Date.parse(good.startsAt) + HOUR).toISOString() }, 'bookingDeadline'],
      ];
      for (const [change, field] of cases) {
        const res = await api(hr)
          .post('/sessions')
          .send({ ...good, ...change });
        expect([res.status, change]).toEqual([422, change]);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      const past = await api(hr)
        .post('/sessions')
        .send({
          ...good,
          startsAt: new Date(Date.now() - DAY).toISOString(),
          endsAt: new Date(Date.now() - DAY + HOUR).toISOString(),
        });
      expectProblem(past, 422, 'invalid-schedule');
      const notTrainer = await api(hr)
        .post('/sessions')
        .send({
          ...good,
          trainerUserId: (await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'hr.almaty'`))[0]
            .id,
        });
      expectProblem(notTrainer, 422, 'not-a-trainer');
      expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM seminar_session'))[0].n).toBe(before);
    });

    it('refuses a course without a published version (409), another region’s unit (404) and officers scheduling (403)', async () => {
      const draft = await api(trainer)
        .post('/courses')
        .send({ code: 'SEM-DRAFT', title: text('draft') });
      const body = {
        ...slot(),
        location: { address: 'Алматы' },
        trainerUserId: trainerId,
        capacity: 5,
        language: 'ru',
      };
      const unpublished = await api(hr)
        .post('/sessions')
        .send({ ...body, courseId: draft.body.id });
      expectProblem(unpublished, 409, 'course-not-published');
      const { courseId } = await createCourse('SEM-SCOPE');
      const [{ id: astana }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'AST'`);
      expect(
        (
          await api(hr)
            .post('/sessions')
            .send({ ...body, courseId, unitId: astana })
        ).status,
      ).toBe(404);
      expect(
        (
          await api(officer)
            .post('/sessions')
            .send({ ...body, courseId })
        ).status,
      ).toBe(403);
    });

    it('refuses to double-book the trainer into overlapping sessions (409), also when two requests race', async () => {
      const { courseId } = await createCourse('SEM-OVERLAP');
      const first = await schedule(courseId);
      const [row] = await t.sql<{ starts_at: Date; ends_at: Date }>(
        'SELECT starts_at, ends_at FROM seminar_session WHERE id = $1',
        [first.id],
      );
      const overlapping = {
        startsAt: new Date(row.starts_at.getTime() + HOUR).toISOString(),
        endsAt: new Date(row.ends_at.getTime() + HOUR).toISOString(),
      };
      const res = await api(trainer)
        .post('/sessions')
        .send({
          courseId,
          ...overlapping,
          location: { address: 'Астана' },
          trainerUserId: trainerId,
          capacity: 5,
          language: 'kk',
        });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ type: '/problems/trainer-double-booked', conflictingSessionId: first.id });
      // Back to back is fine.
      const next = await schedule(courseId, {
        startsAt: row.ends_at.toISOString(),
        endsAt: new Date(row.ends_at.getTime() + HOUR).toISOString(),
      });
      expect(next.status).toBe('scheduled');
      // Moving a session onto another: refused too.
      const clash = await api(hr).patch(`/sessions/${next.id}`).send(overlapping);
      expect(clash.status).toBe(409);

      const race = slot();
      const body = {
        courseId,
        ...race,
        location: { address: 'Алматы' },
        trainerUserId: trainerId,
        capacity: 5,
        language: 'ru',
      };
      const results = await Promise.all([1, 2, 3, 4].map(() => api(hr).post('/sessions').send(body)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      // A cancelled session frees the time.
      const winner = results.find((r) => r.status === 201)!;
      await api(hr).post(`/sessions/${winner.body.id}/cancel`).send({}).expect(200);
      expect((await api(hr).post('/sessions').send(body)).status).toBe(201);
    });

    it('refuses booking a past session, after the deadline, without an enrolment, and a second booking for the course (409)', async () => {
      const { courseId } = await createCourse('SEM-BOOK-REFUSALS');
      const [x, y, unenrolled] = almOfficers.slice(20, 23);
      await enrol(courseId, [x, y, officerId]);
      const one = await schedule(courseId);
      const two = await schedule(courseId);

      expect((await book(one.id, hr, x)).status).toBe(201);
      const second = await book(two.id, hr, x);
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ type: '/problems/already-booked' });
      const same = await book(one.id, hr, x);
      expect(same.status).toBe(409);

      const none = await book(one.id, hr, unenrolled);
      expectProblem(none, 409, 'no-open-enrollment');
      const { courseId: otherCourse } = await createCourse('SEM-NOT-MINE');
      const foreign = await schedule(otherCourse);
      const self = await book(foreign.id, officer);
      expectProblem(self, 409, 'no-open-enrollment');

      await t.sql(`UPDATE seminar_session SET booking_deadline = now() - interval '1 minute' WHERE id = $1`, [two.id]);
      const afterDeadline = await book(two.id, hr, y);
      expectProblem(afterDeadline, 409, 'booking-deadline-passed');

      await moveIntoPast(two.id);
      const past = await book(two.id, officer);
      expectProblem(past, 409, 'session-started');

      expect(await bookingCount(one.id)).toBe(1);
      expect(await bookingCount(two.id)).toBe(0);
      expect(await bookingCount(foreign.id)).toBe(0);
    });

    it('keeps HR to its own officers and officers to themselves (404), and refuses a stranger’s booking cancellation', async () => {
      const { courseId } = await createCourse('SEM-BOOK-SCOPE');
      await enrol(courseId, [almOfficers[23], officerId]);
      const session = await schedule(courseId);
      expect((await book(session.id, hrAstana, almOfficers[23])).status).toBe(404);
      expect((await book(session.id, officer, almOfficers[23])).status).toBe(404);
      expect((await book(session.id, trainer, almOfficers[23])).status).toBe(403);
      const theirs = await book(session.id, hr, almOfficers[23]);
      expect(theirs.status).toBe(201);
      expect((await api(officer).delete(`/bookings/${theirs.body.id}`)).status).toBe(404);
      expect((await api(hrAstana).delete(`/bookings/${theirs.body.id}`)).status).toBe(404);
      expect(await bookingCount(session.id)).toBe(1);
      expect((await api(hr).delete(`/bookings/${theirs.body.id}`)).status).toBe(204);
      expect((await api(hr).delete(`/bookings/${theirs.body.id}`)).status).toBe(409);
    });

    it('refuses attendance for officers not booked (422, listing them, nothing written) and from anyone but the trainer or HR', async () => {
      const { courseId } = await createCourse('SEM-ATTEND-REFUSALS');
      const [booked, waiting, stranger] = almOfficers.slice(24, 27);
      await enrol(courseId, [booked, waiting]);
      const session = await schedule(courseId, { capacity: 1 });
      await book(session.id, hr, booked);
      expect((await book(session.id, hr, waiting)).body.status).toBe('waitlisted');
      await moveIntoPast(session.id);

      const res = await api(trainer)
        .put(`/sessions/${session.id}/attendance`)
        .send([
          { officerId: booked, status: 'present' },
          { officerId: waiting, status: 'present' },
          { officerId: stranger, status: 'absent' },
        ]);
      expectProblem(res, 422, 'officers-not-booked');
      expect(res.body.officerIds.sort()).toEqual([waiting, stranger].sort());
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['[1].officerId', '[2].officerId']);
      const written = await t.sql('SELECT 1 FROM seminar_attendance WHERE session_id = $1', [session.id]);
      expect(written).toHaveLength(0);
      const bookings = await t.sql<{ status: string }>(
        'SELECT status FROM seminar_booking WHERE session_id = $1 ORDER BY seq',
        [session.id],
      );
      expect(bookings.map((b) => b.status)).toEqual(['booked', 'waitlisted']);
      const [{ status }] = await t.sql<{ status: string }>('SELECT status FROM seminar_session WHERE id = $1', [
        session.id,
      ]);
      expect(status).toBe('scheduled');
      expect(['assigned', 'in_progress']).toContain((await enrollmentOf(booked, courseId)).status);

      const malformed = await api(trainer)
        .put(`/sessions/${session.id}/attendance`)
        .send([
          { officerId: booked, status: 'asleep' },
          { officerId: booked, status: 'present', extra: 1 },
        ]);
      expect(malformed.status).toBe(422);
      expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['[0].status', '[1].extra']),
      );
      const duplicate = await api(trainer)
        .put(`/sessions/${session.id}/attendance`)
        .send([
          { officerId: booked, status: 'present' },
          { officerId: booked, status: 'absent' },
        ]);
      expect(duplicate.status).toBe(422);
      expect((await api(trainer).put(`/sessions/${session.id}/attendance`).send({})).status).toBe(422);
      expect(
        (
          await api(officer)
            .put(`/sessions/${session.id}/attendance`)
            .send([{ officerId: booked, status: 'present' }])
        ).status,
      ).toBe(403);
      expect(
        (
          await api(hrAstana)
            .put(`/sessions/${session.id}/attendance`)
            .send([{ officerId: booked, status: 'present' }])
        ).status,
      ).toBe(404);
      expect(await t.sql('SELECT 1 FROM seminar_attendance WHERE session_id = $1', [session.id])).toHaveLength(0);
    });
  });

  describe('attendance corrections', () => {
    it('replaces an earlier mark, credits or withdraws the seminar on an open enrolment, and audits before and after', async () => {
      // The rule also needs the lessons, so the enrolment stays open and a correction can be reported to it.
      const { courseId } = await createCourse('SEM-CORRECT', { ...SEMINAR_ONLY, lessonsRead: true }, 3.5);
      const [who] = almOfficers.slice(27, 28);
      await enrol(courseId, [who]);
      const session = await schedule(courseId);
      await book(session.id, hr, who);
      await moveIntoPast(session.id);
      const mark = (status: string, token = trainer) =>
        api(token)
          .put(`/sessions/${session.id}/attendance`)
          .send([{ officerId: who, status, ...(token === trainer ? {} : { reason: 'Sign-in sheet rechecked' }) }]);

      expect((await mark('absent')).status).toBe(200);
      expect((await enrollmentOf(who, courseId)).progress.seminarAttended ?? false).toBe(false);
      const present = await mark('present', hr);
      expect(present.body).toEqual([expect.objectContaining({ status: 'present', hours: 3.5, changed: true })]);
      expect((await enrollmentOf(who, courseId)).progress).toMatchObject({ seminarAttended: true, seminarHours: 3.5 });
      expect((await mark('present')).body[0].changed).toBe(false);
      await mark('excused');
      const corrected = await enrollmentOf(who, courseId);
      expect(corrected.progress).toMatchObject({ seminarAttended: false, seminarHours: 0 });
      expect(corrected.status).toBe('in_progress');

      const roster = (await api(trainer).get(`/sessions/${session.id}`)).body.roster;
      expect(roster).toEqual([
        expect.objectContaining({
          officerId: who,
          status: 'closed',
          attendance: expect.objectContaining({ status: 'excused', hours: 0 }),
        }),
      ]);
      const audit = await t.sql<{ before: { status: string | null }[]; after: { status: string }[] }>(
        `SELECT before, after FROM audit_event WHERE action = 'seminar-attendance.record' AND entity_id = $1 ORDER BY seq`,
        [session.id],
      );
      expect(audit.map((a) => [a.before[0].status, a.after[0].status])).toEqual([
        [null, 'absent'],
        ['absent', 'present'],
        ['present', 'excused'],
      ]);
    });
  });

  describe('reliability', () => {
    /** Officers of an Almaty section with open enrolments on the course, made set-based in SQL. */
    async function massOfficers(prefix: string, count: number, courseId: string): Promise<string[]> {
      const rows = await t.sql<{ id: string }>(
        `WITH made AS (
           INSERT INTO officer (personnel_number, full_name, rank, position, service_type, unit_id, status, language)
           SELECT $1 || lpad(i::text, 5, '0'), 'Сынақ Офицер ' || i, 'лейтенант полиции', 'инспектор', 'patrol', $2, 'active', 'ru'
           FROM generate_series(1, $3::int) AS i
           RETURNING id, personnel_number)
         , enrolled AS (
           INSERT INTO enrollment (officer_id, course_id, cycle, status, due_at)
           SELECT id, $4, 1, 'assigned', now() + interval '30 days' FROM made RETURNING officer_id)
         SELECT m.id FROM made m JOIN enrolled e ON e.officer_id = m.id ORDER BY m.personnel_number`,
        [prefix, bostUpId, count, courseId],
      );
      return rows.map((r) => r.id);
    }

    /** One listening server for the bursts, instead of one per request. */
    let base: string;
    beforeAll(async () => {
      const server = t.app.getHttpServer();
      // A backlog above the burst: a loaded machine accepts slower than 1,025 connections arrive.
      await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 2048 }, resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    const fire = (sessionId: string, officer: string) =>
      request(base).post(`${API}/sessions/${sessionId}/bookings`).set(auth(hr)).send({ officerId: officer });

    const state = async (sessionId: string) =>
      t.sql<{ id: string; officer_id: string; status: string; seq: string }>(
        `SELECT id, officer_id, status, seq FROM seminar_booking WHERE session_id = $1 ORDER BY seq`,
        [sessionId],
      );

    it('never exceeds 30 seats under 1,000 concurrent bookings: exactly 30 booked, 970 waitlisted in strict order 1..970, duplicates a clean 409', async () => {
      const { courseId } = await createCourse('SEM-BURST');
      const officers = await massOfficers('B', 1000, courseId);
      const session = await schedule(courseId, { capacity: 30 });
      const duplicates = officers.slice(0, 25);
      const responses = await Promise.all([...officers, ...duplicates].map((id) => fire(session.id, id)));

      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1000);
      expect(statuses.filter((s) => s === 409)).toHaveLength(25);
      expect(responses.filter((r) => r.status === 409).every((r) => r.body.type === '/problems/already-booked')).toBe(
        true,
      );
      const created = responses.filter((r) => r.status === 201).map((r) => r.body as Booking & { officerId: string });
      expect(created.filter((b) => b.status === 'booked')).toHaveLength(30);
      const waiting = created.filter((b) => b.status === 'waitlisted');
      expect(waiting).toHaveLength(970);
      expect(waiting.map((b) => b.position).sort((a, b) => a! - b!)).toEqual(
        Array.from({ length: 970 }, (_, i) => i + 1),
      );

      const rows = await state(session.id);
      expect(rows).toHaveLength(1000);
      expect(new Set(rows.map((r) => r.officer_id)).size).toBe(1000);
      // Arrival order is the queue order: the first 30 rows hold the seats, each waiting position matches its rank.
      expect(rows.slice(0, 30).every((r) => r.status === 'booked')).toBe(true);
      const positionById = new Map(waiting.map((b) => [b.id, b.position]));
      rows.slice(30).forEach((r, i) => expect(positionById.get(r.id)).toBe(i + 1));
      const view = await api(hr).get(`/sessions/${session.id}`);
      expect(view.body).toMatchObject({ capacity: 30, booked: 30, waitlisted: 970, available: 0 });
    }, 180_000);

    it('never leaves a seat free while someone waits when cancellations, promotions and new bookings race', async () => {
      const { courseId } = await createCourse('SEM-RACE');
      const officers = await massOfficers('R', 160, courseId);
      const session = await schedule(courseId, { capacity: 20 });
      for (const id of officers.slice(0, 120)) await fire(session.id, id).expect(201);
      const before = await state(session.id);
      const seated = before.filter((r) => r.status === 'booked');
      const queued = before.filter((r) => r.status === 'waitlisted');
      expect([seated.length, queued.length]).toEqual([20, 100]);

      const cancelBooked = seated
        .slice(0, 15)
        .map((r) => request(base).delete(`${API}/bookings/${r.id}`).set(auth(hr)));
      const cancelQueued = queued
        .slice(0, 30)
        .map((r) => request(base).delete(`${API}/bookings/${r.id}`).set(auth(hr)));
      const newcomers = officers.slice(120).map((id) => fire(session.id, id));
      const resize = request(base).patch(`${API}/sessions/${session.id}`).set(auth(hr)).send({ capacity: 25 });
      const results = await Promise.all([...cancelBooked, ...cancelQueued, ...newcomers, resize]);
      expect(results.map((r) => r.status).filter((s) => s >= 300 && s !== 409)).toEqual([]);
      // A queued officer may have been promoted before their own cancellation ran; cancelling a seat then is fine too.
      expect(results.filter((r) => r.status === 409)).toEqual([]);

      const after = (await state(session.id)).filter((r) => r.status !== 'cancelled');
      const booked = after.filter((r) => r.status === 'booked');
      const waiting = after.filter((r) => r.status === 'waitlisted');
      expect(after).toHaveLength(120 - 45 + 40);
      expect(booked).toHaveLength(25);
      expect(waiting).toHaveLength(after.length - 25);
      // Seats go by arrival: every booked officer arrived before every waiting one.
      const lastBooked = Math.max(...booked.map((r) => Number(r.seq)));
      const firstWaiting = Math.min(...waiting.map((r) => Number(r.seq)));
      expect(lastBooked).toBeLessThan(firstWaiting);
      const promotedNotes = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM notification WHERE kind = 'seminar.booking-promoted' AND payload->>'sessionId' = $1`,
        [session.id],
      );
      expect(promotedNotes[0].n).toBeGreaterThanOrEqual(20);
    }, 120_000);

    it('lets only one of two simultaneous bookings of the same officer into two sessions of the course through', async () => {
      const { courseId } = await createCourse('SEM-TWIN');
      const [who] = await massOfficers('T', 1, courseId);
      const one = await schedule(courseId);
      const two = await schedule(courseId);
      const results = await Promise.all([fire(one.id, who), fire(two.id, who), fire(one.id, who), fire(two.id, who)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      const [{ n }] = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM seminar_booking WHERE officer_id = $1 AND status IN ('booked', 'waitlisted')`,
        [who],
      );
      expect(n).toBe(1);
    });
  });

  it('lets an admin see and manage every session', async () => {
    const { courseId } = await createCourse('SEM-ADMIN');
    const session = await schedule(courseId);
    expect((await api(admin).get(`/sessions/${session.id}`)).body.roster).toEqual([]);
    expect((await api(admin).patch(`/sessions/${session.id}`).send({ capacity: 9 })).body.capacity).toBe(9);
  });
});
