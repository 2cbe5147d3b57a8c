import { parse } from 'csv-parse/sync';
import { generate } from 'otplib';
import { apiAs } from '../support/api-client';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

const API = '/api/v1';
const PASSWORD = 'Accounts-spec-password-1';
const CSV_HEADER = 'personnel_number,full_name,username,initial_password';

type Row = { personnel_number: string; full_name: string; username: string; initial_password: string };

describe('accounts', () => {
  let t: TestApp;
  const api = (token: string) => apiAs(t, token);
  let admin: string;
  let hr: string;
  let unit: Record<string, string>;

  const login = (username: string, password: string, extra: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`${API}/auth/login`)
      .send({ username, password, ...extra });
  const freeOfficers = async (unitCode: string) =>
    t.sql<{ id: string; personnel_number: string; full_name: string; status: string }>(
      `SELECT o.id, o.personnel_number, o.full_name, o.status FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE u.path LIKE (SELECT path FROM unit WHERE code = $1) || '%'
         AND NOT EXISTS (SELECT 1 FROM user_account a WHERE a.officer_id = o.id)
       ORDER BY o.personnel_number`,
      [unitCode],
    );

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    hr = await t.login('hr.almaty');
    unit = Object.fromEntries(
      (await t.sql<{ id: string; code: string }>('SELECT id, code FROM unit')).map((u) => [u.code, u.id]),
    );
  });
  afterAll(() => t.close());

  describe('users managed by an admin', () => {
    it('creates a user with roles scoped to units, who can then sign in with them', async () => {
      const res = await api(admin)
        .post('/users')
        .send({
          username: 'G.Sadykova',
          password: PASSWORD,
          roles: [
            { role: 'trainer', unitId: unit.ALM },
            { role: 'hr', unitId: unit['AST-ESIL'] },
          ],
        });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        username: 'g.sadykova',
        officerId: null,
        disabled: false,
        mustChangePassword: false,
        secondFactor: false,
      });
      expect(res.body.roles).toEqual(
        expect.arrayContaining([
          { role: 'trainer', unitId: unit.ALM },
          { role: 'hr', unitId: unit['AST-ESIL'] },
        ]),
      );
      expect(res.body.roles).toHaveLength(2);
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|password_?hash/i);
      const signIn = await login('g.sadykova', PASSWORD);
      expect(signIn.status).toBe(200);
      expect(signIn.body.user.roles).toHaveLength(2);
      const [event] = await t.sql<{ actor_name: string; after: Record<string, unknown> }>(
        `SELECT actor_name, after FROM audit_event WHERE action = 'user.create' AND entity_id = $1`,
        [res.body.id],
      );
      expect(event.actor_name).toBe('admin');
      expect(event.after).toMatchObject({ username: 'g.sadykova' });
      expect(JSON.stringify(event.after)).not.toMatch(/argon2|Accounts-spec/);
    });

    it('refuses a taken username (409), an unknown unit (404) and a short password (422), creating nothing', async () => {
      const taken = await api(admin).post('/users').send({ username: 'HR.Almaty', password: PASSWORD, roles: [] });
      expectProblem(taken, 409, 'username-taken');
      const noUnit = await api(admin)
        .post('/users')
        .send({
          username: 'no.unit',
          password: PASSWORD,
          roles: [{ role: 'hr', unitId: '00000000-0000-4000-8000-000000000000' }],
        });
      expect(noUnit.status).toBe(404);
      const weak = await api(admin).post('/users').send({ username: 'weak.password', password: 'short', roles: [] });
      expect(weak.status).toBe(422);
      const badRole = await api(admin)
        .post('/users')
        .send({ username: 'bad.role', password: PASSWORD, roles: [{ role: 'superuser', unitId: unit.ALM }] });
      expect(badRole.status).toBe(422);
      expect(
        await t.sql(`SELECT username FROM user_account WHERE username IN ('no.unit', 'weak.password', 'bad.role')`),
      ).toEqual([]);
    });

    it('lists users with paging and filters by role and name', async () => {
      const all = await api(admin).get('/users?limit=2');
      expect(all.status).toBe(200);
      expect(all.body.items).toHaveLength(2);
      const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM user_account');
      expect(all.body).toMatchObject({ total: n, limit: 2, offset: 0 });
      const hrs = await api(admin).get('/users?role=hr');
      expect(hrs.body.items.map((u: { username: string }) => u.username)).toEqual(
        expect.arrayContaining(['hr.almaty', 'hr.astana']),
      );
      expect(hrs.body.items.every((u: { roles: { role: string }[] }) => u.roles.some((r) => r.role === 'hr'))).toBe(
        true,
      );
      const named = await api(admin).get('/users?q=ASTANA');
      const matching: string[] = named.body.items.map((u: { username: string }) => u.username);
      expect(matching).toContain('hr.astana');
      expect(matching.every((name) => name.includes('astana'))).toBe(true);
      expect((await api(admin).get('/users?role=root')).status).toBe(422);
    });

    it('scopes the user list of an admin of one department to that department', async () => {
      const created = await api(admin)
        .post('/users')
        .send({ username: 'admin.astana', password: PASSWORD, roles: [{ role: 'admin', unitId: unit.AST }] });
      expect(created.status).toBe(201);
      const astAdmin = await t.login('admin.astana', PASSWORD);
      const res = await api(astAdmin).get('/users?limit=500');
      const names: string[] = res.body.items.map((u: { username: string }) => u.username);
      expect(names).toEqual(expect.arrayContaining(['admin.astana', 'hr.astana', 'g.sadykova']));
      for (const hidden of ['admin', 'hr.almaty', 'officer', 'trainer']) expect(names).not.toContain(hidden);
      expect(res.body.total).toBe(names.length);
    });

    it('replaces roles, which take effect on the user’s next request', async () => {
      const created = await api(admin)
        .post('/users')
        .send({ username: 'moves.region', password: PASSWORD, roles: [{ role: 'hr', unitId: unit.ALM }] });
      const token = await t.login('moves.region', PASSWORD);
      expect((await api(token).get(`/units/${unit['ALM-BOST']}`)).status).toBe(200);
      expect((await api(token).get(`/units/${unit['AST-ESIL']}`)).status).toBe(404);
      const res = await api(admin)
        .patch(`/users/${created.body.id}`)
        .send({ roles: [{ role: 'hr', unitId: unit.AST }] });
      expect(res.status).toBe(200);
      expect(res.body.roles).toEqual([{ role: 'hr', unitId: unit.AST }]);
      expect((await api(token).get(`/units/${unit['ALM-BOST']}`)).status).toBe(404);
      expect((await api(token).get(`/units/${unit['AST-ESIL']}`)).status).toBe(200);
      const [event] = await t.sql<{ before: { roles: unknown[] }; after: { roles: unknown[] } }>(
        `SELECT before, after FROM audit_event WHERE action = 'user.update' AND entity_id = $1`,
        [created.body.id],
      );
      expect(event.before.roles).toEqual([{ role: 'hr', unitId: unit.ALM }]);
      expect(event.after.roles).toEqual([{ role: 'hr', unitId: unit.AST }]);
    });

    it('disables and re-enables a user', async () => {
      const created = await api(admin)
        .post('/users')
        .send({ username: 'on.leave', password: PASSWORD, roles: [{ role: 'trainer', unitId: unit.ALM }] });
      const off = await api(admin).patch(`/users/${created.body.id}`).send({ disabled: true });
      expect(off.body.disabled).toBe(true);
      expect((await login('on.leave', PASSWORD)).status).toBe(401);
      const on = await api(admin).patch(`/users/${created.body.id}`).send({ disabled: false });
      expect(on.body.disabled).toBe(false);
      expect((await login('on.leave', PASSWORD)).status).toBe(200);
    });

    it('resets a password: the user must change it at next sign-in and older sessions end', async () => {
      const created = await api(admin)
        .post('/users')
        .send({ username: 'forgot.password', password: PASSWORD, roles: [{ role: 'trainer', unitId: unit.ALM }] });
      const old = await t.login('forgot.password', PASSWORD);
      const res = await api(admin).patch(`/users/${created.body.id}`).send({ password: 'Reset-by-admin-2026' });
      expect(res.status).toBe(200);
      expect(res.body.mustChangePassword).toBe(true);
      expect((await api(old).get('/me')).status).toBe(401);
      const signIn = await login('forgot.password', 'Reset-by-admin-2026');
      expect(signIn.body.restrictedTo).toBe('password-change');
      const [event] = await t.sql<{ after: Record<string, unknown> }>(
        `SELECT after FROM audit_event WHERE action = 'user.update' AND entity_id = $1`,
        [created.body.id],
      );
      expect(event.after.passwordReset).toBe(true);
      expect(JSON.stringify(event.after)).not.toMatch(/Reset-by-admin|argon2/);
    });
  });

  describe('officer accounts issued by HR', () => {
    it('issues one officer’s account, whose first sign-in is limited to changing the password', async () => {
      const [officer] = (await freeOfficers('ALM-ALMALY-PPS')).filter((o) => o.status === 'active');
      const res = await api(hr).post(`/officers/${officer.id}/account`);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        personnelNumber: officer.personnel_number,
        fullName: officer.full_name,
        username: officer.personnel_number.toLowerCase(),
        initialPassword: expect.stringMatching(/^[A-Za-z2-9]{14}$/),
      });
      const [account] = await t.sql<{
        officer_id: string;
        must_change_password: boolean;
        role: string;
        unit_id: string;
      }>(
        `SELECT a.officer_id, a.must_change_password, r.role, r.unit_id FROM user_account a JOIN user_role r ON r.user_id = a.id WHERE a.username = $1`,
        [res.body.username],
      );
      const [{ unit_id }] = await t.sql<{ unit_id: string }>('SELECT unit_id FROM officer WHERE id = $1', [officer.id]);
      expect(account).toEqual({ officer_id: officer.id, must_change_password: true, role: 'officer', unit_id });

      const first = await login(res.body.username, res.body.initialPassword);
      expect(first.status).toBe(200);
      expect(first.body.restrictedTo).toBe('password-change');
      const limited = first.body.accessToken as string;
      const refused = await api(limited).get(`/officers/${officer.id}`);
      expectProblem(refused, 403, 'password-change-required');
      const me = await api(limited).get('/me');
      expect(me.body.officer.id).toBe(officer.id);

      const changed = await api(limited)
        .post('/me/password')
        .send({ currentPassword: res.body.initialPassword, newPassword: 'My-own-password-2026' });
      expect(changed.status).toBe(200);
      const own = await api(changed.body.accessToken).get(`/officers/${officer.id}`);
      expect(own.status).toBe(200);
      expect((await login(res.body.username, 'My-own-password-2026')).body.restrictedTo).toBeUndefined();
    });

    it('refuses a second account for the same officer', async () => {
      const [officer] = (await freeOfficers('ALM-ALMALY-UP')).filter((o) => o.status === 'active');
      expect((await api(hr).post(`/officers/${officer.id}/account`)).status).toBe(201);
      const again = await api(hr).post(`/officers/${officer.id}/account`);
      expectProblem(again, 409, 'officer-has-account');
    });

    it('refuses an account for a dismissed officer (409)', async () => {
      const [officer] = await freeOfficers('ALM-MEDEU-PPS');
      await t.sql(`UPDATE officer SET status = 'dismissed' WHERE id = $1`, [officer.id]);
      const res = await api(hr).post(`/officers/${officer.id}/account`);
      expectProblem(res, 409, 'officer-dismissed');
      expect(await t.sql('SELECT 1 FROM user_account WHERE officer_id = $1', [officer.id])).toEqual([]);
    });

    it('refuses an account for an officer outside HR’s subtree (404)', async () => {
      const [officer] = await freeOfficers('AST-ESIL-PPS');
      const res = await api(hr).post(`/officers/${officer.id}/account`);
      expect(res.status).toBe(404);
      expect(await t.sql('SELECT 1 FROM user_account WHERE officer_id = $1', [officer.id])).toEqual([]);
    });

    it('issues accounts for a whole subtree once, as a CSV with one row per officer without an account', async () => {
      const district = 'ALM-TURK';
      const candidates = await freeOfficers(district);
      const expected = candidates.filter((o) => o.status !== 'dismissed');
      expect(expected.length).toBeGreaterThan(10);

      const res = await api(hr).post('/officer-accounts').send({ unitId: unit[district] });
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text.split(/\r?\n/)[0]).toBe(CSV_HEADER);
      const rows: Row[] = parse<Row>(res.text, { columns: true, skip_empty_lines: true });
      expect(rows.map((r) => r.personnel_number).sort()).toEqual(expected.map((o) => o.personnel_number).sort());
      for (const row of rows) {
        expect(row.username).toBe(row.personnel_number.toLowerCase());
        expect(row.initial_password).toMatch(/^[A-Za-z2-9]{14}$/);
        expect(row.full_name).toBe(expected.find((o) => o.personnel_number === row.personnel_number)!.full_name);
      }
      expect(new Set(rows.map((r) => r.initial_password)).size).toBe(rows.length);

      const [{ n }] = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM user_account a JOIN officer o ON o.id = a.officer_id WHERE a.username = ANY($1) AND a.must_change_password`,
        [rows.map((r) => r.username)],
      );
      expect(n).toBe(rows.length);
      const sample = await login(rows[0].username, rows[0].initial_password);
      expect(sample.status).toBe(200);
      expect(sample.body.restrictedTo).toBe('password-change');

      const second = await api(hr).post('/officer-accounts').send({ unitId: unit[district] });
      expect(second.status).toBe(201);
      expect(second.text.trim()).toBe(CSV_HEADER);
    });

    it('gives dismissed officers no account', async () => {
      const dismissed = await t.sql<{ id: string; code: string }>(
        `SELECT o.id, u.code FROM officer o JOIN unit u ON u.id = o.unit_id
         WHERE o.status = 'dismissed' AND u.code LIKE 'ALM-%' AND NOT EXISTS (SELECT 1 FROM user_account a WHERE a.officer_id = o.id)
         ORDER BY o.personnel_number LIMIT 1`,
      );
      expect(dismissed).toHaveLength(1);
      const res = await api(hr).post('/officer-accounts').send({ unitId: unit[dismissed[0].code] });
      expect(res.status).toBe(201);
      expect(await t.sql('SELECT 1 FROM user_account WHERE officer_id = $1', [dismissed[0].id])).toEqual([]);
    });

    it('refuses HR of Almaty issuing accounts for an Astana unit (404), issuing none', async () => {
      const before = await freeOfficers('AST-ESIL');
      const res = await api(hr).post('/officer-accounts').send({ unitId: unit['AST-ESIL'] });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(await freeOfficers('AST-ESIL')).toEqual(before);
    });

    it('refuses a bulk request without a valid unit id (422)', async () => {
      expect((await api(hr).post('/officer-accounts').send({ unitId: 'ALM' })).status).toBe(422);
      expect((await api(hr).post('/officer-accounts').send({})).status).toBe(422);
    });
  });
});

describe('second factor', () => {
  let t: TestApp;
  const api = (token: string) => apiAs(t, token);
  let admin: string;
  /** A six-digit code that is not the current one. */
  const otherCode = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
  const login = (extra: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`${API}/auth/login`)
      .send({ username: 'hr.astana', password: 'Hr-astana-2026', ...extra });
  /** Each part starts from its own database with the second factor required for HR. */
  const freshApp = async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    expect((await api(admin).put('/role-policies/hr').send({ mfaRequired: true })).status).toBe(200);
  };

  describe('enrolment', () => {
    beforeAll(freshApp);
    afterAll(() => t.close());

    it('lets an admin require a second factor for a role', async () => {
      const res = await api(admin).put('/role-policies/hr').send({ mfaRequired: true });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ role: 'hr', mfaRequired: true });
      const policies = await api(admin).get('/role-policies');
      expect(policies.body).toMatchObject({ total: 4, limit: 50, offset: 0 });
      expect(policies.body.items).toEqual(
        expect.arrayContaining([
          { role: 'hr', mfaRequired: true },
          { role: 'trainer', mfaRequired: false },
        ]),
      );
    });

    it('gives an HR without a second factor a token limited to enrolment', async () => {
      const res = await login();
      expect(res.status).toBe(200);
      expect(res.body.restrictedTo).toBe('mfa-enrolment');
      const refused = await api(res.body.accessToken).get('/units');
      expectProblem(refused, 403, 'second-factor-enrolment-required');
      expect((await api(res.body.accessToken).get('/me')).status).toBe(200);
      expect((await t.login('trainer')).length).toBeGreaterThan(0);
    });

    it('enrols with a secret, an otpauth URL and a QR code, activated by a valid code that returns ten recovery codes', async () => {
      const limited = (await login()).body.accessToken as string;
      const begin = await api(limited).post('/me/totp');
      expect(begin.status).toBe(200);
      expect(begin.body).toEqual({
        secret: expect.stringMatching(/^[A-Z2-7]{16,}$/),
        otpauthUrl: expect.stringMatching(/^otpauth:\/\/totp\//),
        qrCode: expect.stringMatching(/^data:image\/png;base64,/),
      });
      const secret = begin.body.secret as string;
      const url = new URL(begin.body.otpauthUrl);
      expect(url.searchParams.get('secret')).toBe(secret);
      expect(decodeURIComponent(url.pathname)).toContain('hr.astana');

      const wrong = await api(limited)
        .post('/me/totp/confirm')
        .send({ code: otherCode(await generate({ secret })), currentPassword: 'Hr-astana-2026' });
      expect(wrong.status).toBe(422);
      expect(await t.sql(`SELECT totp_enabled FROM user_account WHERE username = 'hr.astana'`)).toEqual([
        { totp_enabled: false },
      ]);

      const confirm = await api(limited)
        .post('/me/totp/confirm')
        .send({ code: await generate({ secret }), currentPassword: 'Hr-astana-2026' });
      expect(confirm.status).toBe(200);
      const recoveryCodes = confirm.body.recoveryCodes as string[];
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      for (const code of recoveryCodes) expect(code).toMatch(/^([0-9a-f]{4}-){6}[0-9a-f]{4}$/); // 112 bits
      expect(JSON.stringify(await t.sql('SELECT code_hash FROM recovery_code'))).not.toContain(recoveryCodes[0]);

      // The enrolment limit ends with the enrolment: the same token now reaches HR's routes.
      expect((await api(limited).get('/units')).status).toBe(200);
      const restart = await api(limited).post('/me/totp');
      expect(restart.status).toBe(409);
    });
  });

  describe('signing in with it', () => {
    let secret: string;
    let recoveryCodes: string[];

    beforeAll(async () => {
      await freshApp();
      const limited = (await login()).body.accessToken as string;
      secret = (await api(limited).post('/me/totp')).body.secret;
      const confirm = await api(limited)
        .post('/me/totp/confirm')
        .send({ code: await generate({ secret }), currentPassword: 'Hr-astana-2026' });
      recoveryCodes = confirm.body.recoveryCodes;
    });
    afterAll(() => t.close());

    it('asks for the second factor when only the password is given', async () => {
      const res = await login();
      expectProblem(res, 401, 'second-factor-required');
      expect(res.body.accessToken).toBeUndefined();
    });

    it('signs in with a fresh code, refuses a wrong one and the same code twice', async () => {
      // The enrolment spent the current time step; the next one is within the accepted drift.
      const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      const wrong = await login({ totp: otherCode(code) });
      expectProblem(wrong, 401, 'invalid-credentials');
      const ok = await login({ totp: code });
      expect(ok.status).toBe(200);
      expect(ok.body.restrictedTo).toBeUndefined();
      expect((await api(ok.body.accessToken).get('/units')).status).toBe(200);
      const replayed = await login({ totp: code });
      expectProblem(replayed, 401, 'invalid-credentials');
      const enrolmentCode = await generate({ secret });
      expect((await login({ totp: enrolmentCode })).status).toBe(401);
    });

    it('accepts each recovery code once', async () => {
      const first = await login({ recoveryCode: recoveryCodes[0] });
      expect(first.status).toBe(200);
      const again = await login({ recoveryCode: recoveryCodes[0] });
      expectProblem(again, 401, 'invalid-credentials');
      const typed = await login({ recoveryCode: recoveryCodes[1].replace(/-/g, '').toUpperCase() });
      expect(typed.status).toBe(200);
    });

    it('refuses a recovery code that was never issued', async () => {
      const res = await login({ recoveryCode: 'aaaaa-bbbbb' });
      expectProblem(res, 401, 'invalid-credentials');
    });

    it('lets an admin reset the second factor, so the next sign-in asks for enrolment again', async () => {
      const [{ id }] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'hr.astana'`);
      const res = await api(admin).patch(`/users/${id}`).send({ resetSecondFactor: true });
      expect(res.status).toBe(200);
      expect(res.body.secondFactor).toBe(false);
      expect(await t.sql('SELECT 1 FROM recovery_code WHERE user_id = $1', [id])).toEqual([]);
      expect((await login()).body.restrictedTo).toBe('mfa-enrolment');
    });
  });
});
