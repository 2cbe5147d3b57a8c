import request from 'supertest';
import { loadConfig } from '@lms/core';
import { ActorCache } from '@lms/identity';
import { createApi, RunningApi } from '../../apps/api/src/bootstrap';
import { createTestApp, GENEROUS_LIMITS, TEST_JWT_SECRET, TestApp } from '../support/test-app';

/**
 * Two API processes on one database, each keeping a token's actor for a
 * minute: a sign-out, a password change, a disabled account or a withdrawn
 * grant in one must refuse the token in the other within two seconds (the
 * notice on `lms_actor`, not the minute, is what makes it so).
 */
describe('actor cache across processes', () => {
  const env = { ACTOR_CACHE_MS: '60000' };
  let t: TestApp;
  let other: RunningApi;
  const otherHttp = () => request(other.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp(env);
    const config = loadConfig({
      DATABASE_URL: t.url,
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      ...GENEROUS_LIMITS,
      ...env,
    });
    other = await createApi(config, {
      listen: false,
      database: { url: t.url, embedded: false, stop: async () => undefined },
    });
  });

  afterAll(async () => {
    await other.close();
    await t.close();
  });

  /** Reads the route in the other process until it answers `status`; the milliseconds that took. */
  async function refusedWithin(path: string, token: string, status: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      const response = await otherHttp().get(path).set('Authorization', `Bearer ${token}`);
      if (response.status === status) return Date.now() - started;
      if (Date.now() - started > 10_000) throw new Error(`still ${response.status} after 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Uses the token in the other process until its actor is surely held (the channel opens on first use). */
  async function warm(path: string, token: string): Promise<void> {
    for (let i = 0; i < 5; i++) {
      const response = await otherHttp().get(path).set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('a sign-out in one process refuses the token in the other', async () => {
    const token = await t.login('officer');
    await warm('/api/v1/me/enrollments', token);
    await t.http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    expect(await refusedWithin('/api/v1/me/enrollments', token, 401)).toBeLessThan(2000);
  });

  it('a password change in one process refuses older tokens in the other', async () => {
    const token = await t.login('officer');
    await warm('/api/v1/me/enrollments', token);
    await t
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${token}`)
      .send({ currentPassword: 'Officer-demo-2026', newPassword: 'Officer-changed-2026!' })
      .expect(200);
    expect(await refusedWithin('/api/v1/me/enrollments', token, 401)).toBeLessThan(2000);
  });

  it('disabling an account in one process refuses its tokens in the other', async () => {
    const token = await t.login('trainer');
    await warm('/api/v1/me', token);
    const admin = await t.login('admin');
    const [{ id }] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'trainer'`);
    await t
      .http()
      .patch(`/api/v1/users/${id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ disabled: true })
      .expect(200);
    expect(await refusedWithin('/api/v1/me', token, 401)).toBeLessThan(2000);
  });

  it('a grant withdrawn in one process stops the role in the other', async () => {
    const token = await t.login('hr.astana');
    await warm('/api/v1/enrollments?limit=1', token);
    await t.sql(`DELETE FROM user_role WHERE user_id = (SELECT id FROM user_account WHERE username = 'hr.astana')`);
    expect(await refusedWithin('/api/v1/enrollments?limit=1', token, 403)).toBeLessThan(2000);
  });

  it('holds the actor between requests: a change made without its notice goes unseen (so the notice is what refuses)', async () => {
    const token = await t.login('hr.almaty');
    await warm('/api/v1/me', token);
    // Triggers off for this one statement (a replica's apply mode): no notice is sent.
    await t.sql(`BEGIN; SET LOCAL session_replication_role = replica;
      UPDATE user_account SET token_version = token_version + 1 WHERE username = 'hr.almaty'; COMMIT;`);
    await otherHttp().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    other.app.get(ActorCache).forget('all');
    await otherHttp().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
  });
});
