import { apiAs } from '../support/api-client';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * One test per item of the security review (issue 14, docs/SECURITY.md),
 * each written to show the hole before it was closed.
 */
describe('security review', () => {
  let t: TestApp;
  let adminToken: string;
  let almId: string;
  let addressCounter = 0;
  const nextAddress = () => `10.14.${Math.floor(++addressCounter / 250)}.${(addressCounter % 250) + 1}`;
  const login = (username: string, password: string, address = nextAddress(), extra: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', address)
      .send({ username, password, ...extra });

  async function createUser(username: string, roles: { role: string; unitId: string }[], officerId?: string) {
    const res = await apiAs(t, adminToken)
      .post('/users')
      .send({ username, password: 'Review-spec-password-1', roles, ...(officerId ? { officerId } : {}) });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await t.login('admin');
    [{ id: almId }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM'`);
  });
  afterAll(() => t.close());

  describe('1. lockout race', () => {
    it('verifies at most the threshold of 50 parallel wrong passwords, then refuses the right one', async () => {
      const id = await createUser('race.target', [{ role: 'hr', unitId: almId }]);
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => login('race.target', `wrong-guess-${i}`)));
      const statuses = answers.map((res) => res.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(t.config.loginLockoutThreshold);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      const [{ verified }] = await t.sql<{ verified: number }>(
        `SELECT count(*)::int AS verified FROM audit_event WHERE action = 'auth.login-failed' AND entity_id = $1`,
        [id],
      );
      expect(verified).toBeLessThanOrEqual(t.config.loginLockoutThreshold);
      expectProblem(await login('race.target', 'Review-spec-password-1'), 429, 'too-many-login-attempts');
    });

    it('counts parallel failures from one address across usernames against the address limit', async () => {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => login(`spray.race.${i}`, 'Spring2026!', '10.98.0.1')),
      );
      expect(answers.filter((res) => res.status === 401).length).toBeLessThanOrEqual(30);
      expect((await login('trainer', 'Trainer-demo-2026', '10.98.0.1')).status).toBe(429);
    });
  });
});
