import { EnrollmentService } from '@lms/assignments';
import { RequestContext } from '@lms/core';
import { AuthService } from '@lms/identity';
import { ComplianceService, ComplianceTrendService } from '@lms/reports';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The figures behind HR's dashboard, as its services give them: what falls
 * due in the next 30 days per course (one grouped count, not a capped list),
 * and the past months' completion of the trend (kept for a while, scope
 * checked every time).
 */
describe('HR dashboard figures', () => {
  let t: TestApp;
  let almaty: RequestContext;
  let astana: RequestContext;
  let almatyUnitId: string;

  const contextOf = async (username: string) => {
    const token = await t.login(username);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    return new RequestContext(await t.app.get(AuthService, { strict: false }).authenticate(claims));
  };

  beforeAll(async () => {
    t = await createTestApp();
    almaty = await contextOf('hr.almaty');
    astana = await contextOf('hr.astana');
    [{ id: almatyUnitId }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM'`);
    // Every open enrolment falls due within 30 days: hundreds in Almaty's subtree, over several courses.
    await t.sql(
      `UPDATE enrollment SET due_at = now() + interval '10 days' WHERE status IN ('assigned', 'in_progress')`,
    );
  });

  afterAll(() => t?.close());

  it('counts what falls due in the next 30 days per course over the whole subtree, and nothing outside it', async () => {
    const now = new Date();
    const to = new Date(now.getTime() + 30 * 24 * 3600 * 1000);
    const counts = await t.app.get(EnrollmentService, { strict: false }).dueByCourse(almaty, almatyUnitId, now, to);
    const expected = await t.sql<{ course_id: string; count: number }>(
      `SELECT e.course_id, count(*)::int AS count
       FROM enrollment e JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id
       WHERE u.path LIKE (SELECT path FROM unit WHERE code = 'ALM') || '%'
         AND e.due_at >= $1 AND e.due_at < $2 AND e.status IN ('assigned', 'in_progress')
       GROUP BY e.course_id ORDER BY count(*) DESC, e.course_id`,
      [now, to],
    );
    expect(expected.reduce((sum, row) => sum + row.count, 0)).toBeGreaterThan(100);
    expect(expected.length).toBeGreaterThan(1);
    expect(counts.map((row) => ({ course_id: row.courseId, count: row.count }))).toEqual(expected);
    expect(counts.every((row) => typeof row.courseTitle.ru === 'string')).toBe(true);
    // HR of another region asking for Almaty's subtree sees none of it.
    expect(await t.app.get(EnrollmentService, { strict: false }).dueByCourse(astana, almatyUnitId, now, to)).toEqual(
      [],
    );
  });

  it('keeps a past month’s completion once computed, and checks the scope on every call', async () => {
    const trend = t.app.get(ComplianceTrendService, { strict: false });
    const compute = jest.spyOn(ComplianceService.prototype, 'compute');
    try {
      const days = ['2026-05-31', '2026-06-30'];
      const first = Object.fromEntries(await trend.pastCompletions(almaty, almatyUnitId, days));
      const live = async (asOf: string) =>
        (
          await t.app.get(ComplianceService, { strict: false }).report(almaty, {
            unitId: almatyUnitId,
            asOf,
            format: 'json',
          })
        ).total.completionPercent;
      expect(first).toEqual({ '2026-05-31': await live('2026-05-31'), '2026-06-30': await live('2026-06-30') });
      expect(Object.values(first).some((value) => value !== null)).toBe(true);
      compute.mockClear();
      expect(Object.fromEntries(await trend.pastCompletions(almaty, almatyUnitId, days))).toEqual(first);
      expect(compute).not.toHaveBeenCalled();
      await expect(trend.pastCompletions(astana, almatyUnitId, days)).rejects.toMatchObject({ status: 404 });
    } finally {
      compute.mockRestore();
    }
  });
});
