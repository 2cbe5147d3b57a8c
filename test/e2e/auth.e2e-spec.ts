import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { apiAs } from '../support/api-client';
import { expectProblem } from '../support/problems';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';

const API = '/api/v1';
const PASSWORD = 'Auth-spec-password-1';

/** A base64url JSON segment of a hand-made token. */
const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

describe('authentication', () => {
  let t: TestApp;
  const api = (token: string) => apiAs(t, token);
  let adminToken: string;
  let almId: string;
  /** Each sign-in failure comes from its own address unless a test says otherwise, so the per-address throttle stays out of the way. */
  let addressCounter = 0;
  const nextAddress = () => `10.1.${Math.floor(++addressCounter / 250)}.${(addressCounter % 250) + 1}`;

  const login = (username: string, password: string, address = nextAddress(), extra: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`${API}/auth/login`)
      .set('X-Forwarded-For', address)
      .send({ username, password, ...extra });
  const me = (token: string) => api(token).get('/me');

  /** A fresh HR account of the Almaty department, so tests do not share lockouts or sessions. */
  async function createUser(username: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await api(adminToken)
      .post('/users')
      .send({ username, password: PASSWORD, roles: [{ role: 'hr', unitId: almId }], ...extra });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await t.login('admin');
    [{ id: almId }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM'`);
  });
  afterAll(() => t.close());

  describe('sign-in', () => {
    it('returns a bearer token, its lifetime and the user with scoped role grants', async () => {
      const res = await login('hr.almaty', 'Hr-almaty-2026');
      expect(res.status).toBe(200);
      const [{ id }] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'hr.almaty'`);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: t.config.jwtExpiresInSeconds,
        user: expect.objectContaining({ id, username: 'hr.almaty', roles: [{ role: 'hr', unitId: almId }] }),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|password_?hash|totp_?secret/i);
      const claims = claimsOf(res.body.accessToken);
      expect(claims.sub).toBe(id);
      expect((claims.exp as number) - (claims.iat as number)).toBe(t.config.jwtExpiresInSeconds);
      expect((await me(res.body.accessToken)).status).toBe(200);
    });

    it('accepts the username in any letter case', async () => {
      const res = await login('  HR.Almaty ', 'Hr-almaty-2026');
      expect(res.status).toBe(200);
      expect(res.body.user.username).toBe('hr.almaty');
    });

    it('answers a wrong password and an unknown username with the same 401 problem', async () => {
      const wrong = await login('hr.astana', 'not-the-password');
      const unknown = await login('nobody.at.all', 'not-the-password');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
      const shape = (body: Record<string, unknown>) => ({
        type: body.type,
        title: body.title,
        detail: body.detail,
        status: body.status,
      });
      expect(shape(unknown.body)).toEqual(shape(wrong.body));
      expect(wrong.body.type).toBe('/problems/invalid-credentials');
      expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(wrong.body).sort());
    });

    it('records failed sign-ins in the audit trail without the password tried', async () => {
      const userId = await createUser('audited.failure');
      expect((await login('audited.failure', 'Secret-guess-123')).status).toBe(401);
      expect((await login('ghost.user', 'Secret-guess-456')).status).toBe(401);
      const events = await t.sql<{
        entity_id: string | null;
        after: Record<string, unknown>;
        unit_path: string | null;
      }>(
        `SELECT entity_id, after, unit_path FROM audit_event WHERE action = 'auth.login-failed' AND after->>'username' = ANY($1) ORDER BY seq`,
        [['audited.failure', 'ghost.user']],
      );
      expect(events).toEqual([
        expect.objectContaining({
          entity_id: userId,
          after: expect.objectContaining({ username: 'audited.failure', reason: 'bad-password' }),
        }),
        expect.objectContaining({
          entity_id: null,
          after: expect.objectContaining({ username: 'ghost.user', reason: 'unknown-user' }),
        }),
      ]);
      expect(events[0].unit_path).toMatch(/^\//);
      expect(JSON.stringify(events)).not.toMatch(/Secret-guess/);
    });

    it('refuses a sign-in body with unknown fields without issuing a token', async () => {
      const res = await login('hr.almaty', 'Hr-almaty-2026', nextAddress(), { roles: [{ role: 'admin' }] });
      expect(res.status).toBe(422);
      expect(res.body.accessToken).toBeUndefined();
    });

    it('answers a sign-in that is not JSON with a 415 problem, not as wrong credentials', async () => {
      const attempts = async () =>
        (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM login_attempt WHERE username = 'hr.almaty'`))[0].n;
      const before = await attempts();
      const form = await t
        .http()
        .post(`${API}/auth/login`)
        .set('X-Forwarded-For', nextAddress())
        .type('form')
        .send('username=hr.almaty&password=Hr-almaty-2026');
      expectProblem(form, 415, 'unsupported-media-type');
      const bare = await t.http().post(`${API}/auth/login`).set('X-Forwarded-For', nextAddress());
      expectProblem(bare, 415, 'unsupported-media-type');
      expect(await attempts()).toBe(before); // no failed sign-in was counted against the account
    });
  });

  describe('lockout', () => {
    it('locks a username after five failures, even from different addresses and with the right password', async () => {
      await createUser('locked.out');
      for (let i = 0; i < 5; i++) expect((await login('locked.out', `wrong-${i}-password`)).status).toBe(401);
      const res = await login('locked.out', PASSWORD);
      expectProblem(res, 429, 'too-many-login-attempts');
      expect(res.body.retryAfterSeconds).toBeGreaterThan(0);
      expect(res.headers['retry-after']).toBe(String(res.body.retryAfterSeconds));
      expect(res.body.accessToken).toBeUndefined();
    });

    it('locks an unknown username the same way, so lockouts do not reveal which names exist', async () => {
      await createUser('known.locked');
      for (let i = 0; i < 5; i++) {
        expect((await login('unknown.locked', 'wrong-password')).status).toBe(401);
        expect((await login('known.locked', 'wrong-password')).status).toBe(401);
      }
      const unknown = await login('unknown.locked', 'wrong-password');
      const known = await login('known.locked', 'wrong-password');
      expect(unknown.status).toBe(429);
      expect(known.status).toBe(429);
      expect(unknown.body.type).toBe(known.body.type);
      expect(unknown.body.detail).toBe(known.body.detail);
    });

    it('leaves other usernames free to sign in while one is locked', async () => {
      await createUser('locked.neighbour');
      for (let i = 0; i < 5; i++) await login('locked.neighbour', 'wrong-password');
      expect((await login('locked.neighbour', PASSWORD)).status).toBe(429);
      expect((await login('trainer', 'Trainer-demo-2026')).status).toBe(200);
    });

    it('lets the username in again once the lockout window has passed', async () => {
      await createUser('lock.expires');
      for (let i = 0; i < 5; i++) await login('lock.expires', 'wrong-password');
      expect((await login('lock.expires', PASSWORD)).status).toBe(429);
      const minutes = t.config.loginLockoutMinutes + 1;
      await t.sql(`UPDATE login_attempt SET at = at - make_interval(mins => $2) WHERE username = $1`, [
        'lock.expires',
        minutes,
      ]);
      expect((await login('lock.expires', PASSWORD)).status).toBe(200);
    });

    it('throttles an address after many failures across usernames, and only that address', async () => {
      const address = '10.99.0.1';
      for (let i = 0; i < 30; i++) expect((await login(`spray.${i}`, 'Spring2026!', address)).status).toBe(401);
      const fromThere = await login('trainer', 'Trainer-demo-2026', address);
      expect(fromThere.status).toBe(429);
      expect((await login('trainer', 'Trainer-demo-2026', '10.99.0.2')).status).toBe(200);
    });
  });

  describe('bearer tokens', () => {
    let userId: string;
    let version: number;
    const sign = (claims: Record<string, unknown>, secret = TEST_JWT_SECRET, options: jwt.SignOptions = {}) =>
      jwt.sign(claims, secret, { algorithm: 'HS256', ...options });

    beforeAll(async () => {
      [{ id: userId, token_version: version }] = await t.sql<{ id: string; token_version: number }>(
        `SELECT id, token_version FROM user_account WHERE username = 'hr.astana'`,
      );
    });

    it('accepts a well-formed token signed with the server secret (control for the refusals below)', async () => {
      const res = await me(sign({ sub: userId, jti: randomUUID(), ver: version }, TEST_JWT_SECRET, { expiresIn: 60 }));
      expect(res.status).toBe(200);
      expect(res.body.username).toBe('hr.astana');
    });

    it('refuses a request without a token, or with a malformed one', async () => {
      expect((await t.http().get(`${API}/me`)).status).toBe(401);
      const garbage = await me('not-a-jwt');
      expectProblem(garbage, 401, 'unauthenticated');
    });

    it('refuses an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const res = await me(sign({ sub: userId, jti: randomUUID(), ver: version, iat: now - 120, exp: now - 60 }));
      expectProblem(res, 401, 'unauthenticated');
      expect(res.body.detail).toMatch(/expired/i);
    });

    it('refuses a token whose payload was changed after signing', async () => {
      const token = await t.login('hr.astana');
      const [header, , signature] = token.split('.');
      const [{ id: adminId }] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'admin'`);
      const forged = [header, segment({ ...claimsOf(token), sub: adminId }), signature].join('.');
      expect((await me(token)).status).toBe(200);
      const res = await me(forged);
      expect(res.status).toBe(401);
      expect(res.body.username).toBeUndefined();
    });

    it('refuses a token signed with another secret', async () => {
      const res = await me(
        sign({ sub: userId, jti: randomUUID(), ver: version }, 'another-secret-'.padEnd(48, 'y'), { expiresIn: 60 }),
      );
      expect(res.status).toBe(401);
    });

    it('refuses an unsigned token (alg none)', async () => {
      const now = Math.floor(Date.now() / 1000);
      const unsigned = `${segment({ alg: 'none', typ: 'JWT' })}.${segment({ sub: userId, jti: randomUUID(), ver: version, iat: now, exp: now + 60 })}.`;
      expect((await me(unsigned)).status).toBe(401);
    });

    it('refuses a token signed with the right secret but another algorithm', async () => {
      const res = await me(
        sign({ sub: userId, jti: randomUUID(), ver: version }, TEST_JWT_SECRET, { algorithm: 'HS512', expiresIn: 60 }),
      );
      expect(res.status).toBe(401);
    });

    it('refuses a correctly signed token for a user that does not exist or without our claims', async () => {
      expect(
        (await me(sign({ sub: randomUUID(), jti: randomUUID(), ver: 0 }, TEST_JWT_SECRET, { expiresIn: 60 }))).status,
      ).toBe(401);
      expect((await me(sign({ sub: userId, jti: randomUUID() }, TEST_JWT_SECRET, { expiresIn: 60 }))).status).toBe(401);
      expect(
        (await me(sign({ sub: userId, jti: randomUUID(), ver: version + 1 }, TEST_JWT_SECRET, { expiresIn: 60 })))
          .status,
      ).toBe(401);
    });
  });

  describe('sessions', () => {
    it('revokes the token on logout and leaves the user’s other sessions alone', async () => {
      const token = await t.login('trainer');
      const other = await t.login('trainer');
      const out = await api(token).post('/auth/logout');
      expect(out.status).toBe(204);
      const after = await me(token);
      expectProblem(after, 401, 'unauthenticated');
      expect((await me(other)).status).toBe(200);
    });

    it('stops a disabled user from signing in and ends the sessions it had', async () => {
      const id = await createUser('to.be.disabled');
      const token = await t.login('to.be.disabled', PASSWORD);
      const res = await api(adminToken).patch(`/users/${id}`).send({ disabled: true });
      expect(res.status).toBe(200);
      expect(res.body.disabled).toBe(true);
      expect((await me(token)).status).toBe(401);
      const disabled = await login('to.be.disabled', PASSWORD);
      const wrong = await login('to.be.disabled', 'wrong-password');
      expect(disabled.status).toBe(401);
      expect(disabled.body.detail).toBe(wrong.body.detail);
      expect(disabled.body.type).toBe(wrong.body.type);

      await api(adminToken).patch(`/users/${id}`).send({ disabled: false });
      expect((await login('to.be.disabled', PASSWORD)).status).toBe(200);
      expect((await me(token)).status).toBe(401);
    });

    it('changes the password: a new token is returned, older tokens and the old password stop working', async () => {
      await createUser('changes.password');
      const old = await t.login('changes.password', PASSWORD);
      const other = await t.login('changes.password', PASSWORD);
      const res = await api(old)
        .post('/me/password')
        .send({ currentPassword: PASSWORD, newPassword: 'A-brand-new-password-2' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: t.config.jwtExpiresInSeconds });
      expect((await me(old)).status).toBe(401);
      expect((await me(other)).status).toBe(401);
      expect((await me(res.body.accessToken)).status).toBe(200);
      expect((await login('changes.password', PASSWORD)).status).toBe(401);
      expect((await login('changes.password', 'A-brand-new-password-2')).status).toBe(200);
      const [event] = await t.sql(
        `SELECT 1 FROM audit_event a JOIN user_account u ON u.id::text = a.entity_id WHERE u.username = 'changes.password' AND a.action = 'user.password-change'`,
      );
      expect(event).toBeDefined();
    });

    it('refuses a password change with the wrong current password or a short new one, changing nothing', async () => {
      await createUser('keeps.password');
      const token = await t.login('keeps.password', PASSWORD);
      const wrong = await api(token)
        .post('/me/password')
        .send({ currentPassword: 'not-my-password', newPassword: 'Another-password-3' });
      expectProblem(wrong, 422, 'wrong-current-password');
      const short = await api(token).post('/me/password').send({ currentPassword: PASSWORD, newPassword: 'short' });
      expect(short.status).toBe(422);
      expect(short.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'newPassword' })]));
      expect((await me(token)).status).toBe(200);
      expect((await login('keeps.password', PASSWORD)).status).toBe(200);
    });
  });

  describe('a user who must change the initial password', () => {
    let limited: string;

    beforeAll(async () => {
      await createUser('must.change', { mustChangePassword: true });
      const res = await login('must.change', PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body.restrictedTo).toBe('password-change');
      expect(claimsOf(res.body.accessToken).lim).toBe('password-change');
      limited = res.body.accessToken;
    });

    it('can reach only /me, /me/password and logout; everything else is 403 password-change-required', async () => {
      const express = t.app.getHttpAdapter().getInstance();
      const routes: { method: string; path: string }[] = [];
      for (const layer of express.router.stack) {
        const route = layer.route as { path: string; methods: Record<string, boolean> } | undefined;
        if (!route || !route.path.startsWith(API) || route.path.includes('{') || route.path.startsWith(`${API}/docs`))
          continue;
        for (const method of Object.keys(route.methods))
          routes.push({ method: method.toUpperCase(), path: route.path });
      }
      const reached: string[] = [];
      const closed: string[] = [];
      const publicRoutes = [
        'POST /api/v1/auth/login',
        'GET /api/v1/health',
        'GET /api/v1/certificates/verify/:code',
        'GET /api/v1/execution-reports/verify/:code',
        'GET /api/v1/calendar-feeds/:token/sessions.ics',
      ];
      for (const { method, path } of routes) {
        const key = `${method} ${path}`;
        // Signing out would end the token in the middle of the walk; it is called last, below.
        if (publicRoutes.includes(key) || key === `POST ${API}/auth/logout`) continue;
        const url = path.replace(':id', randomUUID()).replace(':role', 'hr');
        const http = t.http();
        const req =
          method === 'GET'
            ? http.get(url)
            : method === 'POST'
              ? http.post(url)
              : method === 'PUT'
                ? http.put(url)
                : method === 'PATCH'
                  ? http.patch(url)
                  : http.delete(url);
        const res = await req.set('Authorization', `Bearer ${limited}`).send({});
        if (res.status === 403 && res.body.type === '/problems/password-change-required') closed.push(key);
        else reached.push(key);
      }
      expect(reached.sort()).toEqual([`GET ${API}/me`, `POST ${API}/me/password`]);
      expect(closed.length).toBeGreaterThan(10);
      expect(closed).toEqual(
        expect.arrayContaining([`GET ${API}/units`, `GET ${API}/officers`, `POST ${API}/me/totp`]),
      );
      const problem = await api(limited).get('/officers');
      expect(problem.body.detail).toMatch(/me\/password/);
    });

    it('can sign out with the limited token', async () => {
      const res = await login('must.change', PASSWORD);
      const out = await t.http().post(`${API}/auth/logout`).set('Authorization', `Bearer ${res.body.accessToken}`);
      expect(out.status).toBe(204);
      expect((await me(res.body.accessToken)).status).toBe(401);
    });

    it('gets a full token once the password is changed', async () => {
      const res = await api(limited)
        .post('/me/password')
        .send({ currentPassword: PASSWORD, newPassword: 'Changed-at-first-login-1' });
      expect(res.status).toBe(200);
      expect(claimsOf(res.body.accessToken).lim).toBeUndefined();
      expect((await t.http().get(`${API}/units`).set('Authorization', `Bearer ${res.body.accessToken}`)).status).toBe(
        200,
      );
      expect((await me(limited)).status).toBe(401);
      const again = await login('must.change', 'Changed-at-first-login-1');
      expect(again.body.restrictedTo).toBeUndefined();
      const [{ must_change_password }] = await t.sql<{ must_change_password: boolean }>(
        `SELECT must_change_password FROM user_account WHERE username = 'must.change'`,
      );
      expect(must_change_password).toBe(false);
    });
  });

  describe('GET /me', () => {
    it('returns the officer record for an officer’s account', async () => {
      const res = await me(await t.login('officer'));
      expect(res.status).toBe(200);
      const [linked] = await t.sql<{ id: string; personnel_number: string }>(
        `SELECT o.id, o.personnel_number FROM user_account a JOIN officer o ON o.id = a.officer_id WHERE a.username = 'officer'`,
      );
      expect(res.body).toMatchObject({
        username: 'officer',
        officerId: linked.id,
        roles: [{ role: 'officer', unitId: expect.any(String) }],
        officer: { id: linked.id, personnelNumber: linked.personnel_number, unitCode: 'ALM-BOST-UP' },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|password_?hash|totp_?secret|token_?version/i);
    });

    it('returns no officer record for a staff account', async () => {
      const res = await me(await t.login('hr.almaty'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ username: 'hr.almaty', officerId: null, officer: null });
    });
  });
});
