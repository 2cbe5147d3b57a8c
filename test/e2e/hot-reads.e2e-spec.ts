import { FastAccess } from '@lms/identity';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * `GET /api/v1/me/enrollments` without a query string is answered before
 * Nest's request chain (apps/api/src/hot-reads.ts). With `?limit=50` the same
 * read goes through the chain: in every state of the token and the account
 * both must answer alike, and only the plain case may take the short path.
 */
describe('the officer listing answered before the request chain', () => {
  let t: TestApp;
  let admitted: jest.SpyInstance;
  const SHORT = '/api/v1/me/enrollments';
  const CHAIN = '/api/v1/me/enrollments?limit=50';
  const BUDGET = 40;
  /** Requests made with a token of the account `officer`: each spends its per-user budget. */
  let officerRequests = 0;
  let officerUserId: string;
  /** Tokens the API signed (sign-ins of this file). */
  const signed = new Set<string>();
  const login = async (username: string) => {
    const token = await t.login(username);
    signed.add(token);
    return token;
  };

  beforeAll(async () => {
    // One officer's budget for the whole file, over a window longer than the file runs.
    t = await createTestApp({ RATE_LIMIT_PER_USER: String(BUDGET), RATE_LIMIT_WINDOW_SECONDS: '3600' });
    admitted = jest.spyOn(FastAccess.prototype, 'admit');
    [{ id: officerUserId }] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'officer'`);
  });

  afterAll(async () => {
    admitted.mockRestore();
    await t?.close();
  });

  beforeEach(() => admitted.mockClear());

  const get = (path: string, token?: string) => {
    // A token whose signature fails names no user to the rate limit: only our own tokens spend.
    if (token && signed.has(token) && subjectOf(token) === officerUserId) officerRequests++;
    const req = t.http().get(path);
    return token === undefined ? req : req.set('Authorization', `Bearer ${token}`);
  };

  const subjectOf = (token: string): string | undefined => {
    try {
      return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub?: string }).sub;
    } catch {
      return undefined;
    }
  };

  /** The short path's answer, with the chain's for the same caller beside it. */
  async function both(token?: string) {
    const short = await get(SHORT, token);
    const chain = await get(CHAIN, token);
    return { short, chain };
  }

  /** How many requests the short path admitted since the last clear. */
  const admissions = async () => {
    const results = admitted.mock.results.map((r) => r.value as Promise<unknown>);
    return (await Promise.all(results)).filter((ctx) => ctx !== null).length;
  };

  it('answers an officer with the very body and content type the chain gives', async () => {
    const token = await login('officer');
    const { short, chain } = await both(token);
    expect(short.status).toBe(200);
    expect(short.body.items.length).toBeGreaterThan(0);
    expect(short.body).toEqual(chain.body);
    expect(short.headers['content-type']).toBe(chain.headers['content-type']);
    // The security headers and the request id come from middleware that runs before it.
    for (const header of ['content-security-policy', 'x-content-type-options', 'x-request-id'])
      expect(short.headers[header]).toBeDefined();
    expect(await admissions()).toBe(1);
  });

  it('leaves every refusal to the chain: no token, a forged one, the wrong role, a signed-out token', async () => {
    const trainer = await login('trainer');
    const signedOut = await login('officer');
    await t.http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${signedOut}`).expect(204);
    officerRequests++; // the sign-out spent from the officer's budget too
    const forged = `${signedOut.slice(0, -4)}AAAA`;
    for (const [token, status] of [
      [undefined, 401],
      [forged, 401],
      [trainer, 403],
      [signedOut, 401],
    ] as const) {
      const { short, chain } = await both(token);
      expect({ token, status: short.status }).toEqual({ token, status });
      expect(short.headers['content-type']).toMatch(/problem\+json/);
      expect(short.body).toEqual({ ...chain.body, instance: short.body.instance });
    }
    expect(await admissions()).toBe(0);
  });

  it('leaves a limited token and a disabled account to the chain', async () => {
    await t.sql(`UPDATE user_account SET must_change_password = true WHERE username = 'officer'`);
    const limited = await login('officer');
    await t.sql(`UPDATE user_account SET must_change_password = false WHERE username = 'officer'`);
    const limitedAnswer = await both(limited);
    expect(limitedAnswer.short.status).toBe(403);
    expect(limitedAnswer.short.body.type).toBe(limitedAnswer.chain.body.type);

    const token = await login('officer');
    await t.sql(`UPDATE user_account SET disabled = true WHERE username = 'officer'`);
    try {
      // The actor cache hears of the change through the database's notice; give it a moment.
      let short = await get(SHORT, token);
      for (let i = 0; short.status === 200 && i < 50; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        short = await get(SHORT, token);
      }
      expect(short.status).toBe(401);
      expect((await get(CHAIN, token)).status).toBe(401);
    } finally {
      await t.sql(`UPDATE user_account SET disabled = false WHERE username = 'officer'`);
    }
  });

  it('spends the same per-user budget as the chain, and the chain says 429 once it is spent', async () => {
    const token = await login('officer');
    // Every earlier request of this file with an officer's token (valid or not) spent from the same budget.
    const before = officerRequests;
    expect(before).toBeLessThan(BUDGET - 4);
    const statuses: number[] = [];
    for (let i = 0; officerRequests < BUDGET; i++) statuses.push((await get(i % 2 ? CHAIN : SHORT, token)).status);
    expect(statuses).toEqual(statuses.map(() => 200));
    for (const path of [SHORT, CHAIN]) {
      const over = await get(path, token);
      expect(over.status).toBe(429);
      expect(over.headers['retry-after']).toMatch(/^\d+$/);
      expect(over.headers['content-type']).toMatch(/problem\+json/);
    }
  });
});
