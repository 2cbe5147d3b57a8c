import { EnrollmentService } from '@lms/assignments';
import { RequestContext } from '@lms/core';
import { AuthService } from '@lms/identity';
import { ComplianceService, ComplianceTrendService } from '@lms/reports';
import { TrustReportService } from '@lms/trust';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The figures behind HR's dashboard, as its services give them: what falls
 * due in the next 30 days per course (one grouped count, not a capped list),
 * and the past months' completion of the trend (kept for a while, scope
 * checked every time), and public trust as the subtree's totals, the same
 * figures as the trust report's total row.
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

  it('gives the trust summary the trust report’s totals, for the region, a district and a past period, and keeps the scope', async () => {
    const trust = t.app.get(TrustReportService, { strict: false });
    const [district] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE parent_id = $1 ORDER BY code LIMIT 1`, [
      almatyUnitId,
    ]);
    const asked = [
      { unitId: almatyUnitId },
      { unitId: district.id },
      { unitId: almatyUnitId, from: '2025-06-01', to: '2026-02-28' },
    ];
    for (const query of asked) {
      const report = await trust.report(almaty, { ...query, format: 'json' });
      const summary = await trust.summary(almaty, query);
      expect(summary).toEqual({
        unitId: query.unitId,
        from: report.from,
        to: report.to,
        officers: report.total.officers,
        feedback: report.total.feedback,
        complaintsPer100: report.total.complaints.per100,
        survey: report.survey,
      });
    }
    // The demo's history gives the region enough answers for every average, so the comparison above compares figures.
    const region = await trust.summary(almaty, { unitId: almatyUnitId });
    expect(region.feedback.responses).toBeGreaterThan(5);
    expect(region.feedback.courtesy).toEqual(expect.any(Number));
    expect(region.complaintsPer100).toEqual(expect.any(Number));
    await expect(trust.summary(astana, { unitId: almatyUnitId })).rejects.toMatchObject({ status: 404 });
  });
});
