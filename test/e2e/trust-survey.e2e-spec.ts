import { apiAs } from '../support/api-client';
import { createTestApp, TestApp } from '../support/test-app';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The population survey through the API: opened by a region's HR, answered anonymously, set beside the thesis. */
describe('trust: population survey', () => {
  let t: TestApp;
  let hr: string;
  let hrAstana: string;
  let officer: string;
  let almaty: string;
  let survey: { id: string; code: string; url: string };

  async function solved(code: string) {
    const form = await apiAs(t).get(`/surveys/${code}`).expect(200);
    const [a, b] = (form.body.challenge.question as string).match(/\d+/g)!.map(Number);
    await wait(2_100);
    return { challenge: form.body.challenge.token as string, answer: a + b };
  }
  const answer = (address: string, body: object, code = survey.code) =>
    t.http().post(`/api/v1/surveys/${code}`).set('X-Forwarded-For', address).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    [hr, hrAstana, officer] = await Promise.all([t.login('hr.almaty'), t.login('hr.astana'), t.login('officer')]);
    [{ id: almaty }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM'`);
    const res = await apiAs(t, hr).post('/trust-surveys', {
      unitId: almaty,
      title: { kk: 'Алматы: сенім', ru: 'Алматы: доверие', en: 'Almaty: trust' },
      opensOn: day(-1),
      closesOn: day(30),
    });
    expect(res.status).toBe(201);
    survey = res.body;
  });
  afterAll(() => t?.close());

  it('opens a survey with a public link only for HR of the unit', async () => {
    expect(survey.url).toMatch(new RegExp(`/s/${survey.code}$`));
    const body = { unitId: almaty, title: { kk: 'a', ru: 'a' }, opensOn: day(0), closesOn: day(1) };
    expect((await apiAs(t, hrAstana).post('/trust-surveys', body)).status).toBe(404);
    expect((await apiAs(t, officer).post('/trust-surveys', body)).status).toBe(403);
    const backwards = await apiAs(t, hr).post('/trust-surveys', { ...body, opensOn: day(2) });
    expect(backwards.status).toBe(422);
    const mine = await apiAs(t, hr).get('/trust-surveys').expect(200);
    expect(mine.body.items.map((s: { id: string }) => s.id)).toContain(survey.id);
    const theirs = await apiAs(t, hrAstana).get('/trust-surveys').expect(200);
    expect(theirs.body.items.map((s: { id: string }) => s.id)).not.toContain(survey.id);
    await apiAs(t, hrAstana).get(`/trust-surveys/${survey.id}/results`).expect(404);
  });

  it('counts answers once per address a day and sets results beside the thesis from 5 responses', async () => {
    const check = await solved(survey.code);
    const few = await apiAs(t, hr).get(`/trust-surveys/${survey.id}/results`).expect(200);
    expect(few.body.responses).toBe(0);
    const answers = [
      { trustLevel: 'trust', distrustReasons: ['corruption'], opinionSource: 'tv', qualities: ['educated'] },
      { trustLevel: 'trust', opinionSource: 'personal', qualities: ['educated', 'honest'] },
      {
        trustLevel: 'partly',
        distrustReasons: ['corruption', 'formalism'],
        opinionSource: 'tv',
        qualities: ['polite'],
      },
      { trustLevel: 'distrust', distrustReasons: ['bad_experience'], opinionSource: 'social_networks' },
    ];
    for (const [i, a] of answers.entries())
      expect((await answer(`203.0.113.${i + 1}`, { ...a, ...check })).status).toBe(202);
    expect((await answer('203.0.113.1', { trustLevel: 'distrust', ...check })).status).toBe(202);
    const four = await apiAs(t, hr).get(`/trust-surveys/${survey.id}/results`).expect(200);
    expect(four.body.responses).toBe(4);
    expect(four.body.trustLevels.every((s: { share: unknown }) => s.share === null)).toBe(true);

    expect((await answer('203.0.113.9', { trustLevel: 'hard_to_say', ...check })).status).toBe(202);
    const five = await apiAs(t, hr).get(`/trust-surveys/${survey.id}/results`).expect(200);
    const pick = (list: { answer: string }[], key: string) => list.find((s) => s.answer === key);
    expect(five.body.responses).toBe(5);
    expect(pick(five.body.trustLevels, 'trust')).toEqual({ answer: 'trust', count: 2, share: 40, baseline: 64.3 });
    // Reasons from the three who do not fully trust; the "trust" answer's reason was dropped.
    expect(pick(five.body.distrustReasons, 'corruption')).toEqual({
      answer: 'corruption',
      count: 1,
      share: 33.3,
      baseline: 33.7,
    });
    expect(pick(five.body.opinionSources, 'tv')).toMatchObject({ count: 2, share: 50, baseline: 42.9 });
    expect(pick(five.body.qualities, 'educated')).toMatchObject({ count: 2, share: 66.7, baseline: 65.3 });
  });

  it('refuses answers outside the period, bad answers and a wrong sum', async () => {
    const closed = await apiAs(t, hr).post('/trust-surveys', {
      unitId: almaty,
      title: { kk: 'Өткен', ru: 'Прошлый' },
      opensOn: day(-60),
      closesOn: day(-30),
    });
    expect((await apiAs(t).get(`/surveys/${closed.body.code}`)).status).toBe(409);
    const check = await solved(survey.code);
    expect((await answer('198.51.100.1', { trustLevel: 'trust', ...check }, closed.body.code)).status).toBe(409);
    const bad = await answer('198.51.100.1', { trustLevel: 'maybe', qualities: ['a', 'b', 'c', 'd'], ...check });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['trustLevel', 'qualities']),
    );
    const wrong = await answer('198.51.100.1', { trustLevel: 'trust', ...check, answer: check.answer + 1 });
    expect(wrong.status).toBe(422);
    expect(wrong.body.type).toContain('human-check-failed');
    await apiAs(t).get('/surveys/NOSUCHCODE').expect(404);
  });
});
