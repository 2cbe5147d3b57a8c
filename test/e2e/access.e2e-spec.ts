import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { controllerRoutes, Method } from '../support/controller-routes';
import { apiAs } from '../support/api-client';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

const API = '/api/v1';
const PASSWORD = 'Access-spec-password-1';
type Who = 'officer' | 'trainer' | 'hr' | 'admin';
const WHO: Who[] = ['officer', 'trainer', 'hr', 'admin'];
const DEMO_USER: Record<Who, string> = { officer: 'officer', trainer: 'trainer', hr: 'hr.almaty', admin: 'admin' };

function send(t: TestApp, method: Method, path: string, token?: string, body?: object) {
  const http = t.http();
  const req =
    method === 'GET'
      ? http.get(path)
      : method === 'POST'
        ? http.post(path)
        : method === 'PUT'
          ? http.put(path)
          : method === 'PATCH'
            ? http.patch(path)
            : http.delete(path);
  if (token) void req.set('Authorization', `Bearer ${token}`);
  return body === undefined ? req : req.send(body);
}

/** What Express would actually serve: terminal routes, not Nest's catch-all middleware. */
function expressRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance();
  const keys: string[] = [];
  for (const layer of express.router.stack) {
    const route = layer.route as { path: string; methods: Record<string, boolean> } | undefined;
    if (!route || route.path.includes('*')) continue;
    // Nest mounts its not-found handler on each page path for every method (so `DELETE /sign-in` is a 404): not a route.
    if (route.methods.acl && route.methods.unsubscribe) continue;
    for (const method of Object.keys(route.methods)) keys.push(`${method.toUpperCase()} ${route.path}`);
  }
  return keys;
}

const concrete = (path: string) => path.replace(/:id\b/g, randomUUID()).replace(/:role\b/g, 'hr');

describe('access control', () => {
  let t: TestApp;
  const api = (token: string) => apiAs(t, token);
  const token = {} as Record<Who, string>;
  const f = {} as {
    unit: Record<string, string>;
    officerSelf: string;
    almOfficer: string;
    astOfficer: string;
    accountOfficer: Record<Who, string>;
    astAccountOfficer: string;
    user: Record<string, string>;
  };
  let serial = 0;

  const unitIds = async (codes: string[]) =>
    Object.fromEntries(
      (await t.sql<{ id: string; code: string }>('SELECT id, code FROM unit WHERE code = ANY($1)', [codes])).map(
        (u) => [u.code, u.id],
      ),
    );
  /** Active officers without an account, in units whose code starts with `prefix`. */
  const freeOfficers = async (prefix: string, count: number) =>
    (
      await t.sql<{ id: string }>(
        `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id
         WHERE u.code LIKE $1 AND o.status = 'active' AND NOT EXISTS (SELECT 1 FROM user_account a WHERE a.officer_id = o.id)
         ORDER BY o.personnel_number LIMIT $2`,
        [prefix + '%', count],
      )
    ).map((o) => o.id);
  const rolesOf = async (username: string) =>
    t.sql<{ role: string; code: string }>(
      `SELECT r.role, u.code FROM user_role r JOIN unit u ON u.id = r.unit_id JOIN user_account a ON a.id = r.user_id
       WHERE a.username = $1 ORDER BY r.role, u.code`,
      [username],
    );
  const login = (username: string, password: string) => t.http().post(`${API}/auth/login`).send({ username, password });

  beforeAll(async () => {
    t = await createTestApp();
    for (const who of WHO) token[who] = await t.login(DEMO_USER[who]);
    f.unit = await unitIds([
      'MVD',
      'ALM',
      'AST',
      'ALM-BOST',
      'ALM-MEDEU-JP',
      'AST-ESIL',
      'AST-SARY-JP',
      'AST-BAIK-PPS',
    ]);
    [{ officer_id: f.officerSelf }] = await t.sql<{ officer_id: string }>(
      `SELECT officer_id FROM user_account WHERE username = 'officer'`,
    );
    [f.almOfficer] = await freeOfficers('ALM-TURK-PPS', 1);
    [f.astOfficer] = await freeOfficers('AST-NURA-PPS', 1);
    const [a, b, c, d] = await freeOfficers('ALM-AUEZ-IDN', 4);
    f.accountOfficer = { officer: a, trainer: b, hr: c, admin: d };
    [f.astAccountOfficer] = await freeOfficers('AST-NURA-IDN', 1);
    f.user = Object.fromEntries(
      (await t.sql<{ id: string; username: string }>('SELECT id, username FROM user_account')).map((u) => [
        u.username,
        u.id,
      ]),
    );
  });
  afterAll(() => t.close());

  describe('route walk', () => {
    it('finds a declared access rule on every controller route', () => {
      const routes = controllerRoutes(t);
      expect(routes.length).toBeGreaterThan(15);
      expect(routes.filter((r) => !r.rule).map((r) => r.handler)).toEqual([]);
    });

    it('serves exactly the controller routes, plus the API documentation', () => {
      const nest = controllerRoutes(t).map((r) => `${r.method} ${r.path}`);
      const served = expressRoutes(t);
      // A set: Nest also mounts middleware (the request log) on each page path, as one more layer for it.
      expect([...new Set(served.filter((key) => !key.startsWith(`GET ${API}/docs`)))].sort()).toEqual(
        [...new Set(nest)].sort(),
      );
      expect(new Set(nest).size).toBe(nest.length);
    });

    it('has only sign-in, health, certificate and execution-report verification, calendar feeds (by secret token), citizen feedback, population surveys and the documentation as public routes', async () => {
      const publicRoutes = controllerRoutes(t)
        .filter((r) => r.rule?.kind === 'public' && !r.page)
        .map((r) => `${r.method} ${r.path}`);
      expect(publicRoutes.sort()).toEqual([
        `GET ${API}/calendar-feeds/:token/sessions.ics`,
        `GET ${API}/certificates/verify/:code`,
        `GET ${API}/execution-reports/verify/:code`,
        `GET ${API}/feedback/:code`,
        `GET ${API}/health`,
        `GET ${API}/surveys/:code`,
        `POST ${API}/auth/login`,
        `POST ${API}/feedback/:code`,
        `POST ${API}/surveys/:code`,
      ]);
      const docs = expressRoutes(t).filter((key) => !controllerRoutes(t).some((r) => `${r.method} ${r.path}` === key));
      expect(docs.length).toBeGreaterThan(0);
      for (const key of docs) expect(key).toMatch(new RegExp(`^GET ${API}/docs`));
      expect((await t.http().get(`${API}/docs/openapi.json`)).status).toBe(200);
      expect((await t.http().get(`${API}/health`)).status).toBe(200);
    });

    it('has only the front door, sign-in, the language switch, verification, citizen feedback and surveys as public pages', () => {
      const publicPages = controllerRoutes(t)
        .filter((r) => r.rule?.kind === 'public' && r.page)
        .map((r) => `${r.method} ${r.path}`);
      expect(publicPages.sort()).toEqual([
        'GET /',
        'GET /f/:code',
        'GET /f/:code/thanks',
        'GET /s/:code',
        'GET /s/:code/thanks',
        'GET /sign-in',
        'GET /verify',
        'GET /verify/:code',
        'POST /f/:code',
        'POST /language',
        'POST /s/:code',
        'POST /sign-in',
      ]);
    });

    it('sends an anonymous visitor of every other page, and every form posted without a session, to sign in', async () => {
      const pages = controllerRoutes(t).filter((r) => r.rule?.kind !== 'public' && r.page);
      expect(pages.length).toBeGreaterThan(10);
      for (const route of pages) {
        const res = await send(t, route.method, concrete(route.path).replace(/:lessonId\b/, randomUUID()));
        const expected = route.method === 'GET' ? /^\/sign-in\?next=%2F/ : /^\/sign-in$/;
        expect(`${route.method} ${route.path} ${res.status}`).toBe(`${route.method} ${route.path} 303`);
        expect(res.headers.location).toMatch(expected);
      }
    });

    it('answers every non-public route with 401 without a token, or with a token we did not sign', async () => {
      const foreign = jwt.sign({ sub: f.user['admin'], jti: randomUUID(), ver: 0 }, 'not-our-secret-'.padEnd(48, 'z'), {
        expiresIn: 60,
      });
      const answers: string[] = [];
      for (const route of controllerRoutes(t).filter((r) => r.rule?.kind !== 'public' && !r.page)) {
        const path = concrete(route.path);
        const bare = await send(t, route.method, path, undefined, {});
        const forged = await send(t, route.method, path, foreign, {});
        answers.push(`${route.method} ${route.path} ${bare.status} ${bare.body.type} ${forged.status}`);
        expect(`${route.method} ${route.path} ${bare.status} ${bare.body.type} ${forged.status}`).toBe(
          `${route.method} ${route.path} 401 /problems/unauthenticated 401`,
        );
      }
      expect(answers.length).toBeGreaterThan(15);
    });

    it('answers an unknown path with 404 rather than letting a catch-all serve it', async () => {
      const res = await api(token.admin).get('/no-such-thing');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    });
  });

  describe('refusal matrix', () => {
    interface Probe {
      family: string;
      what: string;
      method: Method;
      path: (who: Who) => string;
      body?: (who: Who) => object;
      expect: [officer: number, trainer: number, hr: number, admin: number];
    }
    const newOfficer = (unit: string) => () => ({
      personnelNumber: `ACC-${++serial}-${Date.now() % 100000}`,
      fullName: 'Тестов Тест Тестұлы',
      rank: 'лейтенант полиции',
      position: 'патрульный полицейский',
      serviceType: 'patrol',
      unitId: f.unit[unit],
    });
    const probes: Probe[] = [
      { family: 'units', what: 'lists units', method: 'GET', path: () => '/units', expect: [403, 200, 200, 200] },
      {
        family: 'units',
        what: 'reads an Almaty unit',
        method: 'GET',
        path: () => `/units/${f.unit['ALM-BOST']}`,
        expect: [403, 200, 200, 200],
      },
      {
        family: 'units',
        what: 'reads an Astana unit',
        method: 'GET',
        path: () => `/units/${f.unit['AST-ESIL']}`,
        expect: [403, 200, 404, 200],
      },
      {
        family: 'units',
        what: 'reads the Astana subtree',
        method: 'GET',
        path: () => `/units/${f.unit.AST}/subtree`,
        expect: [403, 200, 404, 200],
      },
      {
        family: 'units',
        what: 'creates a unit under Almaty',
        method: 'POST',
        path: () => '/units',
        body: () => ({ code: `ALM-T${++serial}`, name: 'Тест бөлімі', parentId: f.unit.ALM }),
        expect: [403, 403, 403, 201],
      },
      {
        family: 'units',
        what: 'renames an Astana unit',
        method: 'PATCH',
        path: () => `/units/${f.unit['AST-ESIL']}`,
        body: () => ({ name: 'Есіл ауданының полиция басқармасы' }),
        expect: [403, 403, 403, 200],
      },

      {
        family: 'officers',
        what: 'lists officers',
        method: 'GET',
        path: () => '/officers',
        expect: [200, 200, 200, 200],
      },
      {
        family: 'officers',
        what: 'reads its own record',
        method: 'GET',
        path: () => `/officers/${f.officerSelf}`,
        expect: [200, 200, 200, 200],
      },
      {
        family: 'officers',
        what: 'reads another Almaty officer',
        method: 'GET',
        path: () => `/officers/${f.almOfficer}`,
        expect: [404, 200, 200, 200],
      },
      {
        family: 'officers',
        what: 'reads an Astana officer',
        method: 'GET',
        path: () => `/officers/${f.astOfficer}`,
        expect: [404, 200, 404, 200],
      },
      {
        family: 'officers',
        what: 'creates an officer in Almaty',
        method: 'POST',
        path: () => '/officers',
        body: newOfficer('ALM-BOST'),
        expect: [403, 403, 201, 201],
      },
      {
        family: 'officers',
        what: 'creates an officer in Astana',
        method: 'POST',
        path: () => '/officers',
        body: newOfficer('AST-ESIL'),
        expect: [403, 403, 404, 201],
      },
      {
        family: 'officers',
        what: 'updates an Almaty officer',
        method: 'PATCH',
        path: () => `/officers/${f.almOfficer}`,
        body: () => ({ rank: 'капитан полиции' }),
        expect: [403, 403, 200, 200],
      },
      {
        family: 'officers',
        what: 'updates an Astana officer',
        method: 'PATCH',
        path: () => `/officers/${f.astOfficer}`,
        body: () => ({ rank: 'капитан полиции' }),
        expect: [403, 403, 404, 200],
      },

      { family: 'users', what: 'lists users', method: 'GET', path: () => '/users', expect: [403, 403, 403, 200] },
      {
        family: 'users',
        what: 'reads a user',
        method: 'GET',
        path: () => `/users/${f.user['hr.astana']}`,
        expect: [403, 403, 403, 200],
      },
      {
        family: 'users',
        what: 'creates a user',
        method: 'POST',
        path: () => '/users',
        body: (who) => ({
          username: `matrix.${who}.${++serial}`,
          password: PASSWORD,
          roles: [{ role: 'trainer', unitId: f.unit.ALM }],
        }),
        expect: [403, 403, 403, 201],
      },
      {
        family: 'users',
        what: 'changes a user',
        method: 'PATCH',
        path: () => `/users/${f.user['hr.astana']}`,
        body: () => ({ disabled: false }),
        expect: [403, 403, 403, 200],
      },

      {
        family: 'audit',
        what: 'reads the audit trail',
        method: 'GET',
        path: () => '/audit',
        expect: [403, 403, 200, 200],
      },

      {
        family: 'role-policies',
        what: 'reads the role policies',
        method: 'GET',
        path: () => '/role-policies',
        expect: [403, 403, 403, 200],
      },
      {
        family: 'role-policies',
        what: 'sets a role policy',
        method: 'PUT',
        path: () => '/role-policies/officer',
        body: () => ({ mfaRequired: false }),
        expect: [403, 403, 403, 200],
      },

      {
        family: 'officer-accounts',
        what: 'issues accounts for an Almaty section',
        method: 'POST',
        path: () => '/officer-accounts',
        body: () => ({ unitId: f.unit['ALM-MEDEU-JP'] }),
        expect: [403, 403, 201, 201],
      },
      {
        family: 'officer-accounts',
        what: 'issues accounts for an Astana section',
        method: 'POST',
        path: () => '/officer-accounts',
        body: () => ({ unitId: f.unit['AST-SARY-JP'] }),
        expect: [403, 403, 404, 201],
      },
      {
        family: 'officer-accounts',
        what: 'issues an account for an Almaty officer',
        method: 'POST',
        path: (who) => `/officers/${f.accountOfficer[who]}/account`,
        expect: [403, 403, 201, 201],
      },
      {
        family: 'officer-accounts',
        what: 'issues an account for an Astana officer',
        method: 'POST',
        path: () => `/officers/${f.astAccountOfficer}/account`,
        expect: [403, 403, 404, 201],
      },
    ];
    const cases = probes.flatMap((probe) => WHO.map((who, i) => ({ ...probe, who, status: probe.expect[i] })));

    it.each(cases)('$family: $who $what → $status', async ({ who, method, path, body, status }) => {
      const res = await send(t, method, API + path(who), token[who], body?.(who));
      expect(res.status).toBe(status);
      if (status === 403) expect(res.body.type).toBe('/problems/access-denied');
      if (status === 404) expect(res.body.type).toBe('/problems/not-found');
    });

    it('shows an officer only its own personnel record', async () => {
      const res = await api(token.officer).get('/officers');
      expect(res.body.items.map((o: { id: string }) => o.id)).toEqual([f.officerSelf]);
      expect(res.body.total).toBe(1);
    });

    it('limits HR’s officer list to its own subtree', async () => {
      const res = await api(token.hr).get('/officers?limit=500');
      const [{ count }] = await t.sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM officer o JOIN unit u ON u.id = o.unit_id
         WHERE u.path LIKE (SELECT path FROM unit WHERE code = 'ALM') || '%'`,
      );
      expect(res.body.total).toBe(count);
      expect(res.body.items.every((o: { unitCode: string }) => o.unitCode.startsWith('ALM'))).toBe(true);
    });
  });

  describe('privilege escalation', () => {
    let almAdmin: string;

    beforeAll(async () => {
      const res = await api(token.admin)
        .post('/users')
        .send({ username: 'admin.almaty', password: PASSWORD, roles: [{ role: 'admin', unitId: f.unit.ALM }] });
      expect(res.status).toBe(201);
      almAdmin = await t.login('admin.almaty', PASSWORD);
    });

    it('does not let HR create users or grant roles, to itself or anyone', async () => {
      const create = await api(token.hr)
        .post('/users')
        .send({ username: 'hr.sidekick', password: PASSWORD, roles: [{ role: 'admin', unitId: f.unit.ALM }] });
      expect(create.status).toBe(403);
      const grant = await api(token.hr)
        .patch(`/users/${f.user['hr.almaty']}`)
        .send({ roles: [{ role: 'admin', unitId: f.unit.ALM }] });
      expect(grant.status).toBe(403);
      expect(await rolesOf('hr.almaty')).toEqual([{ role: 'hr', code: 'ALM' }]);
      expect(await t.sql(`SELECT 1 FROM user_account WHERE username = 'hr.sidekick'`)).toEqual([]);
    });

    it('does not let an Almaty admin grant roles on Astana or ministry units', async () => {
      for (const unit of ['AST', 'AST-ESIL', 'MVD']) {
        const res = await api(almAdmin)
          .post('/users')
          .send({
            username: `grab.${unit.toLowerCase()}`,
            password: PASSWORD,
            roles: [{ role: 'admin', unitId: f.unit[unit] }],
          });
        expect(res.status).toBe(404);
      }
      expect(await t.sql(`SELECT 1 FROM user_account WHERE username LIKE 'grab.%'`)).toEqual([]);
      const patch = await api(almAdmin)
        .patch(`/users/${f.user['hr.almaty']}`)
        .send({
          roles: [
            { role: 'hr', unitId: f.unit.ALM },
            { role: 'admin', unitId: f.unit.AST },
          ],
        });
      expect(patch.status).toBe(404);
      expect(await rolesOf('hr.almaty')).toEqual([{ role: 'hr', code: 'ALM' }]);
    });

    it('does not show an Almaty admin the users of Astana or the ministry', async () => {
      const list = await api(almAdmin).get('/users?limit=500');
      expect(list.status).toBe(200);
      const names = list.body.items.map((u: { username: string }) => u.username);
      expect(names).toEqual(expect.arrayContaining(['admin.almaty', 'hr.almaty', 'officer']));
      for (const hidden of ['admin', 'hr.astana', 'trainer']) expect(names).not.toContain(hidden);
      expect((await api(almAdmin).get(`/users/${f.user['hr.astana']}`)).status).toBe(404);
      const disable = await api(almAdmin).patch(`/users/${f.user['hr.astana']}`).send({ disabled: true });
      expect(disable.status).toBe(404);
      expect(await t.sql(`SELECT disabled FROM user_account WHERE username = 'hr.astana'`)).toEqual([
        { disabled: false },
      ]);
    });

    it('does not let an Almaty admin change national policies or add a root unit', async () => {
      const policy = await api(almAdmin).put('/role-policies/hr').send({ mfaRequired: false });
      expect(policy.status).toBe(403);
      const root = await api(almAdmin).post('/units').send({ code: 'ROOT2', name: 'Екінші тамыр', parentId: null });
      expect(root.status).toBe(403);
      expect(await t.sql(`SELECT 1 FROM unit WHERE code = 'ROOT2'`)).toEqual([]);
    });

    it('does not let an Almaty admin take over an account that also holds roles outside Almaty', async () => {
      const created = await api(token.admin)
        .post('/users')
        .send({
          username: 'dual.role',
          password: PASSWORD,
          roles: [
            { role: 'hr', unitId: f.unit.ALM },
            { role: 'admin', unitId: f.unit.MVD },
          ],
        });
      expect(created.status).toBe(201);
      const reset = await api(almAdmin).patch(`/users/${created.body.id}`).send({ password: 'Taken-over-password-1' });
      expect(reset.status).toBe(403);
      expect((await login('dual.role', 'Taken-over-password-1')).status).toBe(401);
      const disable = await api(almAdmin).patch(`/users/${created.body.id}`).send({ disabled: true });
      expect(disable.status).toBe(403);
      const ownToken = await t.login('dual.role', PASSWORD);
      expect((await api(ownToken).get('/me')).status).toBe(200);
    });

    it('refuses a roles field on POST /me/password and changes nothing', async () => {
      const res = await api(token.hr)
        .post('/me/password')
        .send({
          currentPassword: 'Hr-almaty-2026',
          newPassword: 'Escalated-password-1',
          roles: [{ role: 'admin', unitId: f.unit.MVD }],
        });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'roles' })]));
      expect(await rolesOf('hr.almaty')).toEqual([{ role: 'hr', code: 'ALM' }]);
      expect((await api(token.hr).get('/me')).status).toBe(200);
      expect((await login('hr.almaty', 'Hr-almaty-2026')).status).toBe(200);
    });

    it('refuses a roles field on PATCH /officers/:id and changes nothing', async () => {
      const [before] = await t.sql('SELECT * FROM officer WHERE id = $1', [f.almOfficer]);
      const res = await api(token.hr)
        .patch(`/officers/${f.almOfficer}`)
        .send({ rank: 'генерал полиции', roles: [{ role: 'admin', unitId: f.unit.MVD }] });
      expect(res.status).toBe(422);
      expect(await t.sql('SELECT * FROM officer WHERE id = $1', [f.almOfficer])).toEqual([before]);
    });

    it('refuses fields an admin may not set on an account (username, officer link, token version)', async () => {
      const id = f.user['hr.astana'];
      for (const body of [
        { username: 'admin2' },
        { officerId: f.almOfficer },
        { tokenVersion: 0 },
        { id: randomUUID() },
      ]) {
        const res = await api(token.admin).patch(`/users/${id}`).send(body);
        expect(res.status).toBe(422);
      }
      expect(await t.sql(`SELECT username, officer_id FROM user_account WHERE id = $1`, [id])).toEqual([
        { username: 'hr.astana', officer_id: null },
      ]);
    });

    describe('tricky usernames', () => {
      const tricky: [string, string][] = [
        ['over-long', 'a'.repeat(65)],
        ['Cyrillic look-alike', '\u0430dmin'],
        ['zero-width joiner', 'ad\u200dmin'],
        ['zero-width space', 'admin\u200b'],
        ['inner space', 'ad min'],
        ['right-to-left override', '\u202enimda'],
      ];

      it.each(tricky)('refuses a %s username on creation with 422', async (_label, username) => {
        const res = await api(token.admin)
          .post('/users')
          .send({ username, password: PASSWORD, roles: [{ role: 'trainer', unitId: f.unit.ALM }] });
        expect(res.status).toBe(422);
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'username' })]));
      });

      it('folds a fullwidth spelling to ASCII, so it collides with the real account instead of creating a look-alike', async () => {
        const res = await api(token.admin)
          .post('/users')
          .send({ username: 'ａｄｍｉｎ', password: PASSWORD, roles: [{ role: 'admin', unitId: f.unit.ALM }] });
        expectProblem(res, 409, 'username-taken');
        expect(await t.sql(`SELECT count(*)::int AS n FROM user_account WHERE username = 'admin'`)).toEqual([{ n: 1 }]);
        expect(await t.sql(`SELECT username FROM user_account WHERE username !~ '^[a-z0-9._-]+$'`)).toEqual([]);
      });

      it.each(tricky)(
        'answers a %s username at sign-in with the same 401 as an unknown user, even with the real password',
        async (_label, username) => {
          const unknown = await login(`nobody.${++serial}`, 'Admin-demo-2026');
          const res = await login(username, 'Admin-demo-2026');
          expect(res.status).toBe(401);
          expect({ type: res.body.type, title: res.body.title, detail: res.body.detail }).toEqual({
            type: unknown.body.type,
            title: unknown.body.title,
            detail: unknown.body.detail,
          });
        },
      );

      it('does not sign in to a 64-character account with a longer name that starts with it', async () => {
        const name = 'x'.repeat(60) + '.abc';
        const created = await api(token.admin)
          .post('/users')
          .send({ username: name, password: PASSWORD, roles: [{ role: 'trainer', unitId: f.unit.ALM }] });
        expect(created.status).toBe(201);
        expect((await login(name, PASSWORD)).status).toBe(200);
        const longer = await login(name + 'def', PASSWORD);
        expectProblem(longer, 401, 'invalid-credentials');
      });
    });
  });

  describe('refused writes in the audit trail', () => {
    const deniedEvents = () =>
      t.sql<{ actor_id: string; entity_id: string; after: Record<string, unknown> }>(
        `SELECT actor_id, entity_id, after FROM audit_event WHERE action = 'access.denied' ORDER BY seq`,
      );

    it('records a write refused for scope as access.denied, and changes nothing', async () => {
      const before = await t.sql('SELECT * FROM officer WHERE id = $1', [f.astOfficer]);
      const count = (await deniedEvents()).length;
      const res = await api(token.hr).patch(`/officers/${f.astOfficer}`).send({ rank: 'генерал полиции' });
      expect(res.status).toBe(404);
      const events = await deniedEvents();
      expect(events).toHaveLength(count + 1);
      expect(events.at(-1)).toEqual({
        actor_id: f.user['hr.almaty'],
        entity_id: `PATCH ${API}/officers/:id`,
        after: expect.objectContaining({ url: `${API}/officers/${f.astOfficer}`, problem: 'not-found' }),
      });
      expect(await t.sql('SELECT * FROM officer WHERE id = $1', [f.astOfficer])).toEqual(before);
    });

    it('records a write refused for role as access.denied, and creates nothing', async () => {
      const count = (await deniedEvents()).length;
      const res = await api(token.officer)
        .post('/units')
        .send({ code: 'OFFICER-UNIT', name: 'Менің бөлімім', parentId: f.unit.ALM });
      expect(res.status).toBe(403);
      const events = await deniedEvents();
      expect(events).toHaveLength(count + 1);
      expect(events.at(-1)).toEqual({
        actor_id: f.user['officer'],
        entity_id: `POST ${API}/units`,
        after: expect.objectContaining({ required: ['admin'] }),
      });
      expect(await t.sql(`SELECT 1 FROM unit WHERE code = 'OFFICER-UNIT'`)).toEqual([]);
    });

    it('records HR’s attempt to issue accounts outside its subtree, and issues none', async () => {
      const [{ n: accounts }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM user_account');
      const count = (await deniedEvents()).length;
      const res = await api(token.hr).post('/officer-accounts').send({ unitId: f.unit['AST-BAIK-PPS'] });
      expect(res.status).toBe(404);
      expect(await deniedEvents()).toHaveLength(count + 1);
      expect(await t.sql('SELECT count(*)::int AS n FROM user_account')).toEqual([{ n: accounts }]);
    });

    it('does not record refused reads', async () => {
      const count = (await deniedEvents()).length;
      expect((await api(token.hr).get(`/officers/${f.astOfficer}`)).status).toBe(404);
      expect((await api(token.hr).get('/users')).status).toBe(403);
      expect(await deniedEvents()).toHaveLength(count);
    });
  });
});
