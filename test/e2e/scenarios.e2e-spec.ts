import { ProgrammeSeeder } from '@lms/catalogue';
import { apiAs } from '../support/api-client';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

interface Scenario {
  id: string;
  code: string;
  revision: number;
  current: boolean;
  courseId: string;
  courseCode: string;
  citizenBrief: { kk: string; ru: string; en: string };
  officerBrief: { kk: string; ru: string; en: string };
  trustFactors: { code: string; effect: string }[];
  autoFail: { code: string }[];
  descriptors: { criterionId: string; level: string; minScore: number; maxScore: number }[];
}

describe('the role-play scenario bank', () => {
  let t: TestApp;
  let trainer: string;
  let hr: string;
  let officer: string;
  /** When this file started: the demo's role-plays (on scenarios too) lie before it. */
  const started = new Date().toISOString();
  let ethics: { courseId: string; versionId: string; criteria: { id: string; maxScore: number }[] };

  const api = (token?: string) => apiAs(t, token);
  const scenarios = async (query = '') =>
    (await api(trainer).get(`/scenarios?limit=100${query}`)).body.items as Scenario[];
  /** Open enrolments of a course whose role-play is still to pass, of officers in Almaty (HR's subtree there). */
  const openEnrolments = (code: string) =>
    t.sql<{ id: string }>(
      `SELECT e.id FROM enrollment e JOIN course c ON c.id = e.course_id
       JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id
       WHERE c.code = $1 AND u.path LIKE (SELECT path FROM unit WHERE code = 'ALM') || '%' AND e.status IN ('assigned', 'in_progress')
         AND NOT coalesce((e.progress ->> 'practicalPassed')::boolean, false)
       ORDER BY e.id LIMIT 4`,
      [code],
    );
  const fullMarks = () => ethics.criteria.map((c) => ({ criterionId: c.id, score: c.maxScore }));

  beforeAll(async () => {
    t = await createTestApp();
    [trainer, hr, officer] = await Promise.all([t.login('trainer'), t.login('hr.almaty'), t.login('officer')]);
    const [course] = await t.sql<{ id: string }>(`SELECT id FROM course WHERE code = 'ETHICS-IMAGE'`);
    const detail = await api(trainer).get(`/courses/${course.id}`);
    const version = await api(trainer).get(`/course-versions/${detail.body.publishedVersionId}`);
    ethics = { courseId: course.id, versionId: version.body.id, criteria: version.body.rubric.criteria };
  });
  afterAll(() => t.close());

  it('holds at least ten scenarios, each with both briefs, the trust factors it tests and its automatic fails', async () => {
    const bank = await scenarios();
    expect(bank.length).toBeGreaterThanOrEqual(10);
    expect(new Set(bank.map((s) => s.courseCode)).size).toBe(6);
    for (const scenario of bank) {
      expect(scenario).toMatchObject({ revision: 1, current: true });
      for (const lang of ['kk', 'ru', 'en'] as const) {
        expect(scenario.citizenBrief[lang].length).toBeGreaterThan(50);
        expect(scenario.officerBrief[lang].length).toBeGreaterThan(50);
      }
      expect(scenario.trustFactors.length).toBeGreaterThan(0);
      expect(scenario.autoFail.length).toBeGreaterThan(0);
      expect(scenario.descriptors.map((d) => d.level)).toContain('exemplary');
    }
    const bribe = bank.find((s) => s.code === 'ETH-01-BRIBE-OFFER')!;
    expect(bribe.autoFail.map((b) => b.code)).toContain('bribe-accepted');
    expect(bribe.trustFactors.map((f) => f.code)).toContain('own-welfare-first');
  });

  it('lists the scenarios that fit a version’s rubric, and by trust factor', async () => {
    const fitting = await scenarios(`&courseVersionId=${ethics.versionId}`);
    expect(fitting.length).toBeGreaterThanOrEqual(2);
    for (const scenario of fitting) {
      expect(scenario.courseCode).toBe('ETHICS-IMAGE');
      expect(new Set(scenario.descriptors.map((d) => d.criterionId))).toEqual(
        new Set(ethics.criteria.map((c) => c.id)),
      );
    }
    const promises = await scenarios('&trustFactor=keeping-promises');
    for (const scenario of promises) expect(scenario.trustFactors.map((f) => f.code)).toContain('keeping-promises');
  });

  it('shows the bank to trainers and HR, never to officers (the citizen brief is the actor’s)', async () => {
    const [first] = await scenarios();
    expect((await api(hr).get(`/scenarios/${first.id}`)).status).toBe(200);
    expectProblem(await api(officer).get('/scenarios'), 403);
    expectProblem(await api(officer).get(`/scenarios/${first.id}`), 403);
    expectProblem(await api().get('/scenarios'), 401);
    expectProblem(await api(trainer).get('/scenarios/00000000-0000-4000-8000-000000000000'), 404);
  });

  it('scores a role-play on a scenario; an automatic-fail behaviour fails it whatever the scores', async () => {
    const [enrolment] = await openEnrolments('ETHICS-IMAGE');
    const bribe = (await scenarios(`&courseVersionId=${ethics.versionId}`)).find(
      (s) => s.code === 'ETH-01-BRIBE-OFFER',
    )!;
    const failed = await api(trainer).post(`/enrollments/${enrolment.id}/practical-assessments`, {
      scenarioId: bribe.id,
      scores: fullMarks(),
      autoFail: ['bribe-accepted'],
      comment: 'Took the envelope at the end.',
    });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({
      score: 100,
      passed: false,
      scenarioId: bribe.id,
      scenarioCode: 'ETH-01-BRIBE-OFFER',
      autoFail: ['bribe-accepted'],
    });
    const list = await api(hr).get(`/enrollments/${enrolment.id}/practical-assessments`);
    expect(list.body.items[0]).toMatchObject({ scenarioCode: 'ETH-01-BRIBE-OFFER', passed: false });

    const passed = await api(trainer).post(`/enrollments/${enrolment.id}/practical-assessments`, {
      scenarioId: bribe.id,
      scores: fullMarks(),
    });
    expect(passed.body).toMatchObject({ passed: true, autoFail: [] });
  });

  it('reports results per scenario, for HR of the officers’ units', async () => {
    const report = await api(hr).get(`/reports/scenarios?courseId=${ethics.courseId}&from=${started}`);
    expect(report.status).toBe(200);
    expect(report.body.rows.map((r: { courseCode: string }) => r.courseCode)).toEqual(
      report.body.rows.map(() => 'ETHICS-IMAGE'),
    );
    const bribe = report.body.rows.find((r: { code: string }) => r.code === 'ETH-01-BRIBE-OFFER');
    expect(bribe).toMatchObject({
      assessments: 2,
      passed: 1,
      passPercent: 50,
      autoFailed: 1,
      officers: 1,
      averageScore: 100,
    });
    expect(bribe.trustFactors).toContain('own-welfare-first');
    // The demo's year of role-plays was played on the bank's scenarios too.
    const all = await api(trainer).get('/reports/scenarios');
    expect(all.body.rows.length).toBeGreaterThanOrEqual(10);
    for (const row of all.body.rows) expect(row.assessments).toBeGreaterThan(0);
    const hrAstana = await t.login('hr.astana');
    const elsewhere = await api(hrAstana).get(`/reports/scenarios?courseId=${ethics.courseId}&from=${started}`);
    expect(elsewhere.body.rows.find((r: { code: string }) => r.code === 'ETH-01-BRIBE-OFFER').assessments).toBe(0);
    expectProblem(await api(officer).get('/reports/scenarios'), 403);
  });

  it('refuses a scenario of another course, an unknown one and an unknown behaviour, writing nothing', async () => {
    const [, enrolment] = await openEnrolments('ETHICS-IMAGE');
    const [other] = await scenarios(
      `&courseId=${(await t.sql<{ id: string }>(`SELECT id FROM course WHERE code = 'COMM-TRUST'`))[0].id}`,
    );
    const assess = (body: object) =>
      api(trainer).post(`/enrollments/${enrolment.id}/practical-assessments`, { scores: fullMarks(), ...body });
    // The demo's history may already hold a failed role-play of this enrolment: nothing is *added*.
    const assessments = async () =>
      (
        await t.sql<{ count: number }>(
          'SELECT count(*)::int AS count FROM practical_assessment WHERE enrollment_id = $1',
          [enrolment.id],
        )
      )[0].count;
    const before = await assessments();
    const wrongCourse = await assess({ scenarioId: other.id });
    expectProblem(wrongCourse, 409, 'scenario-not-for-course');
    expect(wrongCourse.body.reason).toBe('other-course');
    expectProblem(await assess({ scenarioId: '00000000-0000-4000-8000-000000000000' }), 404);
    const unknown = await assess({ autoFail: ['rude-ringtone'] });
    expectProblem(unknown, 422, 'invalid-auto-fail');
    expectProblem(await assess({ autoFail: ['Not A Code'] }), 422);
    expect(await assessments()).toBe(before);
  });

  it('gives a changed scenario a new revision and keeps the one scored on as it was', async () => {
    const [enrolment] = await openEnrolments('ETHICS-IMAGE');
    const favour = (await scenarios()).find((s) => s.code === 'ETH-02-RELATIVE-FAVOUR')!;
    const scored = await api(trainer).post(`/enrollments/${enrolment.id}/practical-assessments`, {
      scenarioId: favour.id,
      scores: ethics.criteria.map((c) => ({ criterionId: c.id, score: 1 })),
    });
    expect(scored.status).toBe(201);
    // Someone edited the stored revision by hand: the seed file now says something else than the current revision.
    await t.sql(`UPDATE scenario SET duration_minutes = duration_minutes + 1 WHERE id = $1`, [favour.id]);
    const result = await t.app.get(ProgrammeSeeder).seed();
    expect(result.bank).toEqual({ scenarioRevisions: 1, drillRevisions: 0, plan: 'unchanged' });
    const revisions = await scenarios('&includeRetired=true');
    const favours = revisions.filter((s) => s.code === 'ETH-02-RELATIVE-FAVOUR');
    expect(favours.map((s) => [s.revision, s.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    const [stored] = await t.sql<{ scenario_id: string }>(
      'SELECT scenario_id FROM practical_assessment WHERE id = $1',
      [scored.body.id],
    );
    expect(stored.scenario_id).toBe(favour.id);
    // The retired revision can be read, but not scored on any more.
    expect((await api(trainer).get(`/scenarios/${favour.id}`)).body.current).toBe(false);
    const late = await api(trainer).post(`/enrollments/${enrolment.id}/practical-assessments`, {
      scenarioId: favour.id,
      scores: fullMarks(),
    });
    expectProblem(late, 409, 'scenario-not-for-course');
    expect((await t.app.get(ProgrammeSeeder).seed()).bank).toEqual({
      scenarioRevisions: 0,
      drillRevisions: 0,
      plan: 'unchanged',
    });
  });
});
