import { AuditService } from '@lms/core';
import { DemoSeeder } from '@lms/demo';
import type { ComplianceReport } from '@lms/reports';
import { apiAs } from '../support/api-client';
import { officerOf } from '../support/assessment-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const DAY = 86_400_000;

interface Session {
  id: string;
  courseId: string;
  startsAt: string;
  status: string;
  capacity: number;
  booked: number;
  waitlisted: number;
  available: number;
}
interface MyEnrolment {
  id: string;
  courseId: string;
  cycle: number;
  status: string;
  dueAt: string;
}

/** The template database every test file starts from is the demo organisation, loaded as on a first start. */
describe('the living demo organisation', () => {
  let t: TestApp;
  let as: Record<'admin' | 'hr.almaty' | 'hr.astana' | 'trainer' | 'officer', ReturnType<typeof apiAs>>;
  let programme: { courses: { id: string; code: string }[] };

  const compliance = async (who: keyof typeof as, query = '') => {
    const res = await as[who].get(`/reports/compliance?${query}`);
    expect(res.status).toBe(200);
    return res.body as ComplianceReport;
  };
  const count = async (table: string) => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const trainerSessions = async () => {
    const [{ id }] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'trainer'`);
    const res = await as.trainer.get(`/sessions?trainerUserId=${id}&limit=500`);
    expect(res.status).toBe(200);
    return res.body.items as Session[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    const names = ['admin', 'hr.almaty', 'hr.astana', 'trainer', 'officer'] as const;
    const tokens = await Promise.all(names.map((name) => t.login(name)));
    as = Object.fromEntries(names.map((name, i) => [name, apiAs(t, tokens[i])])) as typeof as;
    const programmes = await as.admin.get('/programmes');
    programme = programmes.body.items.find((p: { code: string }) => p.code === 'MVD-COMM-2026');
  });
  afterAll(() => t.close());

  it("records the ministry's order for the programme, executed by rules for the external services of each region", async () => {
    const orders = await as['hr.almaty'].get('/orders');
    const order = orders.body.items.find((o: { programmeId: string | null }) => o.programmeId !== null);
    expect(order).toMatchObject({ issuingAuthority: expect.any(String), deadline: expect.any(String) });
    expect(order.number).toMatch(/^МВД-\d{4}\/\d+$/);
    expect(new Date(order.date).getTime()).toBeLessThan(Date.now() - 300 * DAY);
    expect(new Date(order.deadline).getTime()).toBeGreaterThan(Date.now());
    const rules = await as['hr.almaty'].get(`/assignment-rules?orderId=${order.id}&limit=100`);
    // Almaty's HR sees its own region's rules: one per course of the programme.
    expect(rules.body.total).toBe(programme.courses.length);
    for (const rule of rules.body.items) {
      expect([...rule.audience.serviceTypes].sort()).toEqual(['district_inspector', 'juvenile', 'patrol', 'traffic']);
      expect(rule.enrolled).toBeGreaterThan(0);
    }
    const all = await as.admin.get(`/assignment-rules?orderId=${order.id}&limit=100`);
    expect(all.body.total).toBe(programme.courses.length * 4);
  });

  it('reports every state for the whole ministry, and each region to its HR', async () => {
    const ministry = await compliance('admin');
    expect(ministry.unit.code).toBe('MVD');
    for (const state of ['completed', 'inProgress', 'notStarted', 'overdue', 'exempted'] as const) {
      expect(ministry.total[state]).toBeGreaterThan(0);
    }
    expect(ministry.rows.filter((row) => row.inAudience > 0).map((row) => row.unitCode)).toEqual(
      expect.arrayContaining(['ALM', 'AST', 'KRG', 'SHY']),
    );
    for (const [hr, region] of [
      ['hr.almaty', 'ALM'],
      ['hr.astana', 'AST'],
    ] as const) {
      const report = await compliance(hr);
      expect(report.unit.code).toBe(region);
      expect(report.total.inAudience).toBeGreaterThan(50);
      expect(report.total.completed).toBeGreaterThan(0);
      expect(report.total.overdue + report.total.inProgress + report.total.notStarted).toBeGreaterThan(0);
    }
  });

  it('has a real year behind it: completions spread over the months, counted at any past moment', async () => {
    const [spread] = await t.sql<{ months: number; first: Date }>(
      `SELECT count(DISTINCT date_trunc('month', completed_at))::int AS months, min(completed_at) AS first
       FROM enrollment WHERE status = 'completed'`,
    );
    expect(spread.months).toBeGreaterThanOrEqual(8);
    expect(spread.first.getTime()).toBeLessThan(Date.now() - 270 * DAY);
    // A year ago nobody had been assigned anything; since then the second course's completions only grew.
    const yearAgo = await compliance('admin', `asOf=${new Date(Date.now() - 365 * DAY).toISOString()}`);
    expect(yearAgo.total.inAudience).toBe(0);
    const second = programme.courses[1].id;
    const completed: number[] = [];
    for (const daysAgo of [180, 120, 60, 0]) {
      const asOf = new Date(Date.now() - daysAgo * DAY).toISOString();
      completed.push((await compliance('admin', `courseId=${second}&asOf=${asOf}`)).total.completed);
    }
    expect(completed[0]).toBeGreaterThan(0);
    for (let i = 1; i < completed.length; i++) expect(completed[i]).toBeGreaterThanOrEqual(completed[i - 1]);
    expect(completed[3]).toBeGreaterThan(completed[0]);
  });

  it('gives the demo officer an overdue course, open ones and completed ones with a certificate anyone can verify', async () => {
    const mine = await as.officer.get('/me/enrollments?limit=100');
    expect(mine.status).toBe(200);
    const statuses = (mine.body.items as MyEnrolment[]).map((e) => e.status);
    expect(statuses).toContain('overdue');
    expect(statuses).toContain('completed');
    expect(statuses.some((s) => s === 'assigned' || s === 'in_progress')).toBe(true);
    // The refresher course: an earlier cycle completed, and the next one after it.
    const cycles = (mine.body.items as MyEnrolment[]).filter((e) => e.courseId === programme.courses[0].id);
    expect(cycles.map((e) => e.cycle).sort()).toEqual([1, 2]);

    const certificates = await as.officer.get('/certificates');
    expect(certificates.body.total).toBeGreaterThanOrEqual(2);
    const valid = certificates.body.items.find((c: { valid: boolean }) => c.valid);
    const verified = await apiAs(t).get(`/certificates/verify/${valid.verificationCode}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      valid: true,
      status: 'valid',
      serial: valid.serial,
      officerName: (await officerOf(t, 'officer')).fullName,
    });
    const expired = certificates.body.items.find((c: { valid: boolean }) => !c.valid);
    const old = await apiAs(t).get(`/certificates/verify/${expired.verificationCode}`);
    expect(old.body).toMatchObject({ valid: false, status: 'expired' });
  });

  it('lets the demo officer take the quiz of the course in progress and book one of its seminars with free seats, or wait for the full one', async () => {
    const mine = (await as.officer.get('/me/enrollments?limit=100')).body.items as MyEnrolment[];
    const current = mine.find((e) => e.status === 'in_progress')!;
    expect(new Date(current.dueAt).getTime()).toBeGreaterThan(Date.now());
    const attempt = await as.officer.post(`/enrollments/${current.id}/attempts`, {});
    expect(attempt.status).toBe(201);
    expect(attempt.body.questions.length).toBeGreaterThan(0);

    const sessions = (await as.officer.get(`/sessions?courseId=${current.courseId}`)).body.items as Session[];
    const free = sessions.find((s) => s.available > 0)!;
    const full = sessions.find((s) => s.available === 0 && s.waitlisted > 0)!;
    expect(free).toBeDefined();
    expect(full).toBeDefined();
    const waiting = await as.officer.post(`/sessions/${full.id}/bookings`, {});
    expect(waiting.body).toMatchObject({ status: 'waitlisted', position: full.waitlisted + 1 });
    await as.officer.delete(`/bookings/${waiting.body.id}`).expect(204);
    const booked = await as.officer.post(`/sessions/${free.id}/bookings`, {});
    expect(booked.status).toBe(201);
    expect(booked.body.status).toBe('booked');
  });

  it("shows the demo officer's results: failed and passed quizzes, role-plays scored with comments", async () => {
    const mine = (await as.officer.get('/me/enrollments?limit=100')).body.items as MyEnrolment[];
    const overdue = mine.find((e) => e.status === 'overdue')!;
    const failed = await as.officer.get(`/enrollments/${overdue.id}/attempts`);
    expect(failed.body.items.map((a: { passed: boolean }) => a.passed)).toEqual([false]);
    const done = mine.find((e) => e.status === 'completed' && e.courseId === programme.courses[1].id)!;
    const attempts = await as.officer.get(`/enrollments/${done.id}/attempts`);
    expect(attempts.body.items.at(-1).passed).toBe(true);
    const practicals = await as.officer.get(`/enrollments/${done.id}/practical-assessments`);
    expect(practicals.body.items[0]).toMatchObject({
      passed: true,
      assessorName: 'trainer',
      comment: expect.any(String),
    });
    const [{ passed, failed: failures }] = await t.sql<{ passed: number; failed: number }>(
      `SELECT count(*) FILTER (WHERE passed)::int AS passed, count(*) FILTER (WHERE NOT passed)::int AS failed FROM quiz_attempt`,
    );
    expect(passed).toBeGreaterThan(failures);
    expect(failures).toBeGreaterThan(0);
  });

  it('gives the trainer past seminars with attendance, and seminars ahead with free seats and one full with a waitlist', async () => {
    const sessions = await trainerSessions();
    const past = sessions.filter((s) => new Date(s.startsAt).getTime() < Date.now());
    const ahead = sessions.filter((s) => new Date(s.startsAt).getTime() > Date.now());
    expect(past.length).toBeGreaterThan(20);
    expect(past.every((s) => s.status === 'completed')).toBe(true);
    expect(ahead.length).toBeGreaterThan(1);
    expect(ahead.every((s) => s.status === 'scheduled')).toBe(true);
    expect(ahead.some((s) => s.available > 0 && s.booked > 0)).toBe(true);
    expect(ahead.filter((s) => s.available === 0 && s.waitlisted > 0)).toHaveLength(1);

    const detail = await as.trainer.get(`/sessions/${past[0].id}`);
    const marks = (detail.body.roster as { attendance: { status: string; hours: number } | null }[]).map(
      (r) => r.attendance,
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m !== null && ['present', 'late', 'absent', 'excused'].includes(m.status))).toBe(true);
    const [{ statuses }] = await t.sql<{ statuses: string[] }>(
      'SELECT array_agg(DISTINCT status ORDER BY status) AS statuses FROM seminar_attendance',
    );
    expect(statuses).toEqual(['absent', 'excused', 'late', 'present']);
  });

  it('keeps the history consistent: each completion with its certificate, each requirement with its record', async () => {
    const broken = await t.sql(
      `SELECT e.id FROM enrollment e JOIN course_version v ON v.id = e.course_version_id
       LEFT JOIN certificate c ON c.enrollment_id = e.id
       WHERE (e.status = 'completed' AND (c.id IS NULL OR c.issued_at <> e.completed_at OR c.expires_at IS DISTINCT FROM e.expires_at))
          OR ((e.progress ->> 'quizPassed')::boolean IS TRUE
              AND NOT EXISTS (SELECT 1 FROM quiz_attempt q WHERE q.enrollment_id = e.id AND q.passed))
          OR ((e.progress ->> 'practicalPassed')::boolean IS TRUE
              AND NOT EXISTS (SELECT 1 FROM practical_assessment p WHERE p.enrollment_id = e.id AND p.passed))
          OR ((e.progress ->> 'seminarAttended')::boolean IS TRUE
              AND NOT EXISTS (SELECT 1 FROM seminar_attendance a JOIN seminar_booking b ON b.id = a.booking_id
                              WHERE b.enrollment_id = e.id AND a.status IN ('present', 'late')
                                AND a.hours = (e.progress ->> 'seminarHours')::numeric))`,
    );
    expect(broken).toEqual([]);
    expect(await count(`certificate`)).toBe(await count(`enrollment WHERE status = 'completed'`));
    // The one trainer is never in two places at once.
    const clashes = await t.sql(
      `SELECT 1 FROM seminar_session a JOIN seminar_session b ON a.id < b.id AND a.trainer_user_id = b.trainer_user_id
       WHERE tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`,
    );
    expect(clashes).toEqual([]);
  });

  it('is loaded once: starting again, or seeding again, adds nothing', async () => {
    const tables = [
      'unit',
      'officer',
      'user_account',
      'ministry_order',
      'assignment_rule',
      'enrollment',
      'certificate',
    ];
    const more = ['seminar_session', 'seminar_booking', 'quiz_attempt', 'practical_assessment'];
    const counts = async () => {
      const all: number[] = [];
      for (const table of [...tables, ...more]) all.push(await count(table));
      return all;
    };
    const before = await counts();
    expect(await t.app.get(DemoSeeder).seedIfEmpty()).toBe(false);
    await t.app.get(DemoSeeder).seed();
    expect(await counts()).toEqual(before);
  });

  it('leaves the audit trail intact, with every certificate issued in it', async () => {
    const check = await t.app.get(AuditService).verifyChain();
    expect(check).toMatchObject({ ok: true, firstBroken: null });
    expect(check.checked).toBeGreaterThan(1000);
    const [{ issued }] = await t.sql<{ issued: number }>(
      `SELECT count(*)::int AS issued FROM audit_event WHERE action = 'certificate.issue'`,
    );
    expect(issued).toBe(await count('certificate'));
  });
});
