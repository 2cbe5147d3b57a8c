import { ReportReads } from '@lms/core';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * REPORTS_DATABASE_URL: the compliance report reads through its own pool (in
 * production a streaming replica; here a second connection to the same
 * database), and answers as the primary would.
 */
describe('reports from a replica', () => {
  let t: TestApp;
  let plain: TestApp;

  beforeAll(async () => {
    t = await createTestApp((url) => ({ REPORTS_DATABASE_URL: url }));
    plain = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
    await plain.close();
  });

  it('reads the compliance report through the reports connection, with the same figures', async () => {
    expect(t.app.get(ReportReads).replica).toBe(true);
    expect(plain.app.get(ReportReads).replica).toBe(false);
    const report = async (app: TestApp) => {
      const token = await app.login('hr.almaty');
      const response = await app
        .http()
        .get('/api/v1/reports/compliance')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      return response.body as { rows: unknown[]; total: unknown };
    };
    const viaReplica = await report(t);
    const viaPrimary = await report(plain);
    expect(viaReplica.rows.length).toBeGreaterThan(0);
    expect(viaReplica.total).toEqual(viaPrimary.total);
    expect(viaReplica.rows).toEqual(viaPrimary.rows);
    const [{ count }] = await t.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'lms-reports'`,
    );
    expect(count).toBeGreaterThan(0);
  });
});
