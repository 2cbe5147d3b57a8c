import { readFileSync } from 'node:fs';
import { generate } from 'otplib';
import { apiAs } from '../support/api-client';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * What the application logs while it handles passwords, tokens, second-factor
 * secrets and recovery codes: none of them, in any line; and input with CR
 * and LF in it cannot start a line of its own. (The global teardown scans the
 * logs of the whole run for the same, with patterns; this test knows the
 * exact secrets it used.)
 */
describe('logs: no secrets, no forged lines', () => {
  let t: TestApp;
  const secrets: string[] = [];
  const FORGED = '{"level":30,"time":1,"msg":"forged"}';

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'trace' });
  });
  afterAll(() => t.close());

  it('keeps passwords, tokens, TOTP secrets and recovery codes out of every line, and CR/LF cannot forge one', async () => {
    expect(t.logFile).toBeDefined();
    const admin = apiAs(t, await t.login('admin'));
    const [root] = await t.sql<{ id: string }>('SELECT id FROM unit WHERE parent_id IS NULL');
    const password = 'Log-scan-secret-2026';
    const newPassword = 'Log-scan-secret-2027';
    secrets.push(password, newPassword);
    const created = await admin.post('/users', {
      username: 'log.scan',
      password,
      roles: [{ role: 'trainer', unitId: root.id }],
      mustChangePassword: false,
    });
    expect(created.status).toBe(201);

    const login = (body: Record<string, string>) => t.http().post('/api/v1/auth/login').send(body);
    expect((await login({ username: 'log.scan', password: 'Log-scan-wrong-2026' })).status).toBe(401);
    secrets.push('Log-scan-wrong-2026');
    const signedIn = await login({ username: 'log.scan', password });
    expect(signedIn.status).toBe(200);
    const token = signedIn.body.accessToken as string;
    secrets.push(token);
    const me = apiAs(t, token);

    const begin = await me.post('/me/totp', { password });
    expect(begin.status).toBeLessThan(300);
    const secret = begin.body.secret as string;
    secrets.push(secret);
    const confirm = await me.post('/me/totp/confirm', { code: await generate({ secret }), currentPassword: password });
    expect(confirm.status).toBeLessThan(300);
    const recoveryCodes = confirm.body.recoveryCodes as string[];
    secrets.push(...recoveryCodes);
    const withCode = await login({ username: 'log.scan', password, recoveryCode: recoveryCodes[0] });
    expect(withCode.status).toBe(200);
    secrets.push(withCode.body.accessToken as string);
    expect((await login({ username: 'log.scan', password, recoveryCode: recoveryCodes[0] })).status).toBe(401);
    const changed = await apiAs(t, withCode.body.accessToken as string).post('/me/password', {
      currentPassword: password,
      newPassword,
    });
    expect(changed.status).toBeLessThan(300);

    // CR and LF in everything a caller controls.
    await login({ username: `log.scan\r\n${FORGED}`, password: `x\r\n${FORGED}` });
    await admin.get(`/units?q=${encodeURIComponent(`\r\n${FORGED}`)}`);
    await admin.get(`/no-such-route/${encodeURIComponent(`\r\n${FORGED}`)}`);
    await admin
      .post('/officers/import')
      .set('Content-Type', 'text/csv')
      .send(
        Buffer.from(
          'personnel_number,full_name,rank,position,service_type,unit_code,status,language\n' +
            `"1\r\n${FORGED.replaceAll('"', '""')}",x,y,z,patrol,NOPE,active,ru\n`,
        ),
      );
    await t.http().get('/api/v1/me').set('Authorization', `Bearer x\t${FORGED}`);

    const lines = readFileSync(t.logFile!, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(10);
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.every((r) => typeof r.level === 'number' && typeof r.time === 'number')).toBe(true);
    expect(records.filter((r) => r.msg === 'forged')).toEqual([]);
    for (const s of secrets) expect(lines.filter((line) => line.includes(s))).toEqual([]);
    process.stdout.write(`log scan (this test): ${lines.length} lines, ${secrets.length} secrets, 0 found\n`);
  });
});
