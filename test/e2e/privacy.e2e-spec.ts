import { AuditService, loadConfig } from '@lms/core';
import { AnonymisationService } from '@lms/platform';
import { apiAs } from '../support/api-client';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';

/**
 * Retention and privacy: the subject-access export of one officer, the
 * anonymisation of officers dismissed longer ago than the retention period
 * (statistics and frozen reports unchanged, the snapshots' hashes still
 * verifying), and an audit trail that is never shortened.
 */
describe('retention and privacy', () => {
  let t: TestApp;
  let hr: ReturnType<typeof apiAs>;
  let officerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    hr = apiAs(t, await t.login('hr.almaty'));
    [{ officer_id: officerId }] = await t.sql<{ officer_id: string }>(
      `SELECT officer_id FROM user_account WHERE username = 'officer'`,
    );
  });
  afterAll(() => t.close());

  it('keeps records 5 years unless RETENTION_YEARS says otherwise', () => {
    const base = { DATABASE_URL: 'postgres://x/y', JWT_SECRET: TEST_JWT_SECRET };
    expect(loadConfig(base).retentionYears).toBe(5);
    expect(loadConfig({ ...base, RETENTION_YEARS: '10' }).retentionYears).toBe(10);
    expect(() => loadConfig({ ...base, RETENTION_YEARS: '0' })).toThrow(/RETENTION_YEARS/);
  });

  describe('subject-access export', () => {
    it('gives HR of the officer’s subtree everything stored about the officer, as JSON, without credentials', async () => {
      const res = await hr.get(`/reports/officers/${officerId}/subject-access`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="subject-access-/);
      const body = res.body as Record<string, Record<string, unknown>[]> & { officer: Record<string, unknown> };
      expect(body.officer).toMatchObject({ id: officerId });
      expect(body.account).toHaveLength(1);
      expect(body.account[0]).toMatchObject({ username: 'officer' });
      const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM enrollment WHERE officer_id = $1', [
        officerId,
      ]);
      expect(body.enrollments).toHaveLength(n);
      expect(n).toBeGreaterThan(0);
      for (const part of ['roles', 'seminarBookings', 'quizAttempts', 'certificates', 'notifications', 'auditEvents'])
        expect(Array.isArray(body[part])).toBe(true);
      expect(JSON.stringify(body)).not.toMatch(/password_hash|totp_secret|token_hash|code_hash|argon2/);
    });

    it('is refused to HR of another region (404), to officers and trainers (403)', async () => {
      const astana = apiAs(t, await t.login('hr.astana'));
      expect((await astana.get(`/reports/officers/${officerId}/subject-access`)).status).toBe(404);
      expect(
        (await apiAs(t, await t.login('officer')).get(`/reports/officers/${officerId}/subject-access`)).status,
      ).toBe(403);
      expect(
        (await apiAs(t, await t.login('trainer')).get(`/reports/officers/${officerId}/subject-access`)).status,
      ).toBe(403);
      expect((await apiAs(t, await t.login('admin')).get(`/reports/officers/${officerId}/subject-access`)).status).toBe(
        200,
      );
    });
  });

  describe('anonymisation after the retention period', () => {
    it('anonymises officers dismissed more than 5 years ago, keeps the statistics, the frozen reports and the audit trail', async () => {
      // Two dismissed officers of Almaty with a certificate each: one dismissed 6 years ago, one 4 years ago.
      const holders = await t.sql<{ officer_id: string; full_name: string; personnel_number: string }>(
        `SELECT DISTINCT ON (o.id) o.id AS officer_id, o.full_name, o.personnel_number
         FROM certificate c JOIN officer o ON o.id = c.officer_id JOIN unit u ON u.id = o.unit_id
         WHERE u.code LIKE 'ALM-%' AND o.id <> $1 ORDER BY o.id LIMIT 2`,
        [officerId],
      );
      expect(holders).toHaveLength(2);
      const [old, recent] = holders;
      // The officer of the old one has an account too.
      const admin = apiAs(t, await t.login('admin'));
      const [unit] = await t.sql<{ unit_id: string }>('SELECT unit_id FROM officer WHERE id = $1', [old.officer_id]);
      const account = await admin.post('/users', {
        username: 'to.be.forgotten',
        password: 'Forgotten-2026-pass',
        officerId: old.officer_id,
        roles: [{ role: 'officer', unitId: unit.unit_id }],
        mustChangePassword: false,
      });
      expect(account.status).toBe(201);
      const token = await t.login('to.be.forgotten', 'Forgotten-2026-pass');

      // What was handed over before: a frozen execution report and the compliance figures.
      const [order] = await t.sql<{ id: string }>('SELECT id FROM ministry_order ORDER BY created_at LIMIT 1');
      const frozen = await hr.post(`/orders/${order.id}/execution-reports`, {});
      expect(frozen.status).toBe(201);
      const frozenBefore = await hr.get(`/execution-reports/${frozen.body.id}?format=json`);
      expect(frozenBefore.status).toBe(200);
      await t.sql(
        `UPDATE officer SET status = 'dismissed', updated_at = now() - CASE WHEN id = $1 THEN interval '6 years' ELSE interval '4 years' END
         WHERE id IN ($1, $2)`,
        [old.officer_id, recent.officer_id],
      );
      const complianceBefore = await hr.get('/reports/compliance');
      expect(complianceBefore.status).toBe(200);
      const [{ events: eventsBefore }] = await t.sql<{ events: number }>(
        'SELECT count(*)::int AS events FROM audit_event',
      );

      const result = await t.app.get(AnonymisationService).anonymiseDismissed();
      expect(result).toMatchObject({ officers: 1, accounts: 1 });
      expect(result.certificates).toBeGreaterThan(0);
      // Run again: nothing more to do.
      expect(await t.app.get(AnonymisationService).anonymiseDismissed()).toMatchObject({ officers: 0, accounts: 0 });

      const [gone] = await t.sql<{ full_name: string; personnel_number: string; status: string }>(
        'SELECT full_name, personnel_number, status FROM officer WHERE id = $1',
        [old.officer_id],
      );
      expect(gone.full_name).toBe('Анонимизировано / Anonymised');
      expect(gone.personnel_number).toMatch(/^ANON-[0-9a-f]{16}$/);
      expect(gone.status).toBe('dismissed');
      const [kept] = await t.sql<{ full_name: string }>('SELECT full_name FROM officer WHERE id = $1', [
        recent.officer_id,
      ]);
      expect(kept.full_name).toBe(recent.full_name);
      const certificates = await t.sql<{ officer_name: string }>(
        'SELECT officer_name FROM certificate WHERE officer_id = $1',
        [old.officer_id],
      );
      expect(certificates.every((c) => c.officer_name === 'Анонимизировано / Anonymised')).toBe(true);
      // The account is gone for sign-in, and its tokens with it.
      expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
      const [user] = await t.sql<{ username: string; disabled: boolean }>(
        'SELECT username, disabled FROM user_account WHERE officer_id = $1',
        [old.officer_id],
      );
      expect(user).toMatchObject({ disabled: true, username: expect.stringMatching(/^anon-/) });
      // The subject-access export now holds nothing that names them.
      const after = await hr.get(`/reports/officers/${old.officer_id}/subject-access`);
      expect(after.status).toBe(200);
      expect(after.body.auditEvents).toEqual(
        expect.arrayContaining([expect.objectContaining({ action: 'officer.anonymised', entity_id: old.officer_id })]),
      );
      expect(JSON.stringify({ officer: after.body.officer, account: after.body.account })).not.toContain(old.full_name);

      // Statistics do not move; the frozen report is the same bytes and still verifies.
      const complianceAfter = await hr.get('/reports/compliance');
      // The figures, without the moment they were computed (nor the drill-down links, which carry it).
      const figures = (body: Record<string, unknown>) =>
        JSON.stringify({ ...body, generatedAt: null, asOf: null }, (key, value: unknown) =>
          key === 'officersPath' || key === 'refresherOfficersPath' ? undefined : value,
        );
      expect(figures(complianceAfter.body)).toBe(figures(complianceBefore.body));
      const frozenAfter = await hr.get(`/execution-reports/${frozen.body.id}?format=json`);
      expect(frozenAfter.text).toBe(frozenBefore.text);
      expect(frozenAfter.body.verified ?? true).toBe(true);
      const [snapshot] = await t.sql<{ ok: boolean }>(
        `SELECT encode(sha256(convert_to(content_text, 'UTF8')), 'hex') = sha256 AS ok FROM report_snapshot WHERE id = $1`,
        [frozen.body.id],
      );
      expect(snapshot.ok).toBe(true);

      // The audit trail only grew (the anonymisation is in it), and its chain still verifies.
      const [{ events: eventsAfter }] = await t.sql<{ events: number }>(
        'SELECT count(*)::int AS events FROM audit_event',
      );
      expect(eventsAfter).toBeGreaterThan(eventsBefore);
      const anonymised = await t.sql<{ action: string }>(
        `SELECT action FROM audit_event WHERE entity_id = $1 AND action = 'officer.anonymised'`,
        [old.officer_id],
      );
      expect(anonymised).toHaveLength(1);
      expect((await t.app.get(AuditService).verifyChain()).ok).toBe(true);
      await expect(t.sql(`DELETE FROM audit_event WHERE occurred_at < now() - interval '1 day'`)).rejects.toThrow();
    });
  });
});
