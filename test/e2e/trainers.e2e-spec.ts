import { apiAs, createTrainer } from '../support/api-client';
import { createCourse } from '../support/catalogue-fixtures';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

describe('trainers and the programme’s rule that a qualified trainer runs its seminars', () => {
  let t: TestApp;
  let admin: string;
  let hr: string;
  let hrAstana: string;
  let trainer: string;
  let officer: string;
  let novice: string;
  let programmeId: string;
  let trustCourse: string;
  let day = 0;

  const api = (token?: string) => apiAs(t, token);
  /** A two-hour slot on a day of its own, far enough ahead to be free of the demo's sessions. */
  const slot = () => {
    const start = new Date(Date.now() + (400 + day++) * 86_400_000);
    start.setUTCHours(5, 0, 0, 0);
    return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 7_200_000).toISOString() };
  };
  const schedule = (courseId: string, trainerUserId: string) =>
    api(admin).post('/sessions', {
      courseId,
      ...slot(),
      location: { address: 'Астана, ул. Бейбітшілік, 1' },
      trainerUserId,
      capacity: 20,
      language: 'kk',
    });

  beforeAll(async () => {
    t = await createTestApp();
    [admin, hr, hrAstana, trainer, officer] = await Promise.all([
      t.login('admin'),
      t.login('hr.almaty'),
      t.login('hr.astana'),
      t.login('trainer'),
      t.login('officer'),
    ]);
    novice = (await createTrainer(t, 'novice.trainer')).id;
    [{ id: programmeId }] = await t.sql<{ id: string }>(`SELECT id FROM programme WHERE code = 'MVD-COMM-2026'`);
    [{ id: trustCourse }] = await t.sql<{ id: string }>(`SELECT id FROM course WHERE code = 'COMM-TRUST'`);
  });
  afterAll(() => t.close());

  it('seeds the programme with the rule and the demo trainer with qualifications', async () => {
    expect((await api(officer).get(`/programmes/${programmeId}/seminar-rule`)).body).toEqual({
      programmeId,
      trainerQualifications: ['psychology', 'conflictology', 'communication'],
    });
    const list = await api(hr).get('/trainers?qualification=psychology');
    expect(list.status).toBe(200);
    const demo = list.body.items.find((p: { username: string }) => p.username === 'trainer');
    expect(demo.qualifications.map((q: { area: string }) => q.area)).toEqual(['conflictology', 'psychology']);
    expect(list.body.items.some((p: { username: string }) => p.username === 'novice.trainer')).toBe(false);
  });

  it('refuses an unqualified trainer for the programme’s seminars, and accepts them once qualified', async () => {
    const refused = await schedule(trustCourse, novice);
    expectProblem(refused, 409, 'trainer-not-qualified');
    expect(refused.body).toMatchObject({
      programmeCode: 'MVD-COMM-2026',
      required: ['psychology', 'conflictology', 'communication'],
    });
    // HR outside the trainer's unit cannot vouch for them; an officer may not even look.
    const qualifications = [
      { area: 'communication', evidence: 'Курс «Коммуникация в полиции», 72 ч', qualifiedOn: '2025-05-20' },
    ];
    expectProblem(await api(hrAstana).put(`/trainers/${novice}/qualifications`, { qualifications }), 404);
    expectProblem(await api(trainer).put(`/trainers/${novice}/qualifications`, { qualifications }), 403);
    expectProblem(await api(officer).get(`/trainers/${novice}`), 403);
    expectProblem(
      await api(admin).put(`/trainers/${novice}/qualifications`, {
        qualifications: [{ area: 'nlp', evidence: 'x', qualifiedOn: '2025-05-20' }],
      }),
      422,
    );
    const recorded = await api(admin).put(`/trainers/${novice}/qualifications`, { qualifications });
    expect(recorded.status).toBe(200);
    expect(recorded.body.qualifications).toMatchObject([{ area: 'communication', qualifiedOn: '2025-05-20' }]);
    expect((await api(trainer).get(`/trainers/${novice}`)).body.qualifications).toHaveLength(1);
    expect((await schedule(trustCourse, novice)).status).toBe(201);
  });

  it('refuses to hand a session over to an unqualified trainer', async () => {
    const session = await schedule(
      trustCourse,
      (await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'trainer'`))[0].id,
    );
    expect(session.status).toBe(201);
    const other = (await createTrainer(t, 'other.trainer')).id;
    expectProblem(
      await api(admin).patch(`/sessions/${session.body.id}`, { trainerUserId: other }),
      409,
      'trainer-not-qualified',
    );
  });

  it('asks nothing of the trainer of a course outside such a programme, and an admin may lift the rule', async () => {
    const own = await createCourse(t, 'TR-FREE', { seminar: { required: true, hours: 2 } });
    const outsider = (await createTrainer(t, 'outsider.trainer')).id;
    expect((await schedule(own.courseId, outsider)).status).toBe(201);

    expectProblem(
      await api(trainer).put(`/programmes/${programmeId}/seminar-rule`, { trainerQualifications: [] }),
      403,
    );
    const lifted = await api(admin).put(`/programmes/${programmeId}/seminar-rule`, { trainerQualifications: [] });
    expect(lifted.body.trainerQualifications).toEqual([]);
    expect((await schedule(trustCourse, outsider)).status).toBe(201);
    await api(admin).put(`/programmes/${programmeId}/seminar-rule`, { trainerQualifications: ['psychology'] });
    expectProblem(await schedule(trustCourse, outsider), 409, 'trainer-not-qualified');
  });
});
