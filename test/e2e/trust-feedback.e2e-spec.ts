import { apiAs } from '../support/api-client';
import { officerOf } from '../support/assessment-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Citizen feedback through the API: codes, the public form, masking, repeats, limits and who sees what. */
describe('trust: citizen feedback', () => {
  let t: TestApp;
  let hr: string;
  let hrAstana: string;
  let officer: string;
  let trainer: string;
  let me: { id: string };
  let code: string;

  /** A solved challenge for `code` (answered after the 2 s a person needs at least). */
  async function solved(forCode = code) {
    const form = await apiAs(t).get(`/feedback/${forCode}`).expect(200);
    const [a, b] = (form.body.challenge.question as string).match(/\d+/g)!.map(Number);
    await wait(2_100);
    return { challenge: form.body.challenge.token as string, answer: a + b };
  }
  const from = (address: string) => ({ 'X-Forwarded-For': address });
  const post = (address: string, body: object, forCode = code) =>
    t.http().post(`/api/v1/feedback/${forCode}`).set(from(address)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    [hr, hrAstana, officer, trainer] = await Promise.all([
      t.login('hr.almaty'),
      t.login('hr.astana'),
      t.login('officer'),
      t.login('trainer'),
    ]);
    me = await officerOf(t, 'officer');
    const res = await apiAs(t, officer).get(`/officers/${me.id}/feedback-code`).expect(200);
    code = res.body.code;
  });
  afterAll(() => t?.close());

  it('gives the officer and their HR the same code and a URL for the QR code; others get 404', async () => {
    const byHr = await apiAs(t, hr).get(`/officers/${me.id}/feedback-code`).expect(200);
    expect(byHr.body.code).toBe(code);
    expect(byHr.body.url).toMatch(new RegExp(`/f/${code}$`));
    await apiAs(t, hrAstana).get(`/officers/${me.id}/feedback-code`).expect(404);
    await apiAs(t, trainer).get(`/officers/${me.id}/feedback-code`).expect(403);
    await apiAs(t).get(`/officers/${me.id}/feedback-code`).expect(401);
    const [other] = await t.sql<{ id: string }>(`SELECT id FROM officer WHERE id <> $1 LIMIT 1`, [me.id]);
    await apiAs(t, officer).get(`/officers/${other.id}/feedback-code`).expect(404);
  });

  it('stores feedback with the comment masked, the same address counted once a day, no address kept', async () => {
    const check = await solved();
    const body = {
      courtesy: 5,
      clarity: 4,
      fairness: 5,
      trustChange: 1,
      comment: 'Спасибо! Мой номер +7 (701) 234-56-78, почта aigerim@mail.kz',
      language: 'ru',
      ...check,
    };
    expect((await post('203.0.113.10', body)).status).toBe(202);
    expect((await post('203.0.113.10', { ...body, courtesy: 1 })).status).toBe(202);
    const rows = await t.sql<{ courtesy: number; comment: string; repeat_key: string }>(
      'SELECT courtesy, comment, repeat_key FROM citizen_feedback WHERE officer_id = $1',
      [me.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].courtesy).toBe(5);
    expect(rows[0].comment).toBe('Спасибо! Мой номер [phone], почта [e-mail]');
    expect(rows[0].repeat_key).not.toContain('203.0.113.10');
    const stored = JSON.stringify(await t.sql('SELECT * FROM citizen_feedback, trust_address_hit'));
    expect(stored).not.toContain('203.0.113.10');
  });

  it('shows no average under 5 responses, then averages and comments', async () => {
    const few = await apiAs(t, officer).get(`/officers/${me.id}/feedback`).expect(200);
    expect(few.body).toMatchObject({ responses: 1, courtesy: null, clarity: null, trustRaised: null, comments: [] });
    const check = await solved();
    for (const n of [11, 12, 13, 14]) {
      const res = await post(`203.0.113.${n}`, { courtesy: 3, clarity: 4, fairness: 4, trustChange: 0, ...check });
      expect(res.status).toBe(202);
    }
    const five = await apiAs(t, hr).get(`/officers/${me.id}/feedback`).expect(200);
    expect(five.body).toMatchObject({ responses: 5, courtesy: 3.4, clarity: 4, fairness: 4.2, trustRaised: 20 });
    expect(five.body.comments).toHaveLength(1);
    await apiAs(t, hrAstana).get(`/officers/${me.id}/feedback`).expect(404);
  });

  it('refuses a wrong sum, an answer given at once, a forged token and bad scores', async () => {
    const form = await apiAs(t).get(`/feedback/${code}`).expect(200);
    const [a, b] = (form.body.challenge.question as string).match(/\d+/g)!.map(Number);
    const base = { courtesy: 4, clarity: 4, fairness: 4, trustChange: 0, challenge: form.body.challenge.token };
    const fast = await post('198.51.100.1', { ...base, answer: a + b });
    expect(fast.status).toBe(422);
    expect(fast.body.type).toContain('human-check-failed');
    await wait(2_100);
    expect((await post('198.51.100.1', { ...base, answer: a + b + 1 })).status).toBe(422);
    expect((await post('198.51.100.1', { ...base, challenge: 'x.1.1.y', answer: 2 })).status).toBe(422);
    const bad = await post('198.51.100.1', { ...base, answer: a + b, courtesy: 9, trustChange: 2 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['courtesy', 'trustChange']);
    await apiAs(t).get('/feedback/NOSUCHCODE').expect(404);
    expect((await post('198.51.100.1', { ...base, answer: a + b }, 'NOSUCHCODE')).status).toBe(404);
  });

  it('limits one address to 20 answers an hour, whoever they are about', async () => {
    const check = await solved();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push(
        (await post('192.0.2.77', { courtesy: 4, clarity: 4, fairness: 4, trustChange: 0, ...check })).status,
      );
    }
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
    const refused = await post('192.0.2.77', { courtesy: 4, clarity: 4, fairness: 4, trustChange: 0, ...check });
    expect(refused.status).toBe(429);
    expect(refused.body.type).toContain('address-limit');
  });

  it('limits one officer to 30 counted answers an hour, from whatever addresses', async () => {
    const [other] = await t.sql<{ id: string }>(
      `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id WHERE u.path LIKE (SELECT path FROM unit WHERE code = 'ALM') || '%'
       AND o.status = 'active' AND o.id <> $1 LIMIT 1`,
      [me.id],
    );
    const otherCode = (await apiAs(t, hr).get(`/officers/${other.id}/feedback-code`).expect(200)).body.code;
    const check = await solved(otherCode);
    const body = { courtesy: 2, clarity: 2, fairness: 2, trustChange: -1, ...check };
    for (let i = 0; i < 30; i++) expect((await post(`10.9.${i}.1`, body, otherCode)).status).toBe(202);
    const refused = await post('10.9.99.1', body, otherCode);
    expect(refused.status).toBe(429);
    expect(refused.body.type).toContain('feedback-limit');
    const [{ count }] = await t.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM citizen_feedback WHERE officer_id = $1 AND submitted_at > now() - interval '1 hour'`,
      [other.id],
    );
    expect(count).toBe(30);
  });
});
