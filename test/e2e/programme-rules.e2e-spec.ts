import { apiAs } from '../support/api-client';
import { createCourse, unitId } from '../support/catalogue-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('a rule made for a whole programme follows the programme’s course list', () => {
  let t: TestApp;
  let hr: string;
  let trainer: string;
  let bost: string;

  const api = (token: string) => apiAs(t, token);
  const enrolled = async (courseId: string) =>
    (
      await t.sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM enrollment WHERE course_id = $1 AND status IN ('assigned', 'in_progress')`,
        [courseId],
      )
    )[0].count;

  beforeAll(async () => {
    t = await createTestApp();
    [hr, trainer] = await Promise.all([t.login('hr.almaty'), t.login('trainer')]);
    bost = await unitId(t, 'ALM-BOST');
  });
  afterAll(() => t.close());

  it('enrols the audience in a course added to the programme, and not in one still unpublished', async () => {
    const first = await createCourse(t, 'PR-FIRST');
    const added = await createCourse(t, 'PR-ADDED');
    const draft = await createCourse(t, 'PR-DRAFT', { publish: false });
    const programme = await api(trainer).post('/programmes', {
      code: 'PR-FOLLOW',
      title: { kk: 'Бағдарлама', ru: 'Программа', en: 'Programme' },
      courseIds: [first.courseId],
    });
    expect(programme.status).toBe(201);
    const rule = await api(hr).post('/assignment-rules', {
      programmeId: programme.body.id,
      audience: { unitIds: [bost] },
      dueInDays: 60,
    });
    expect(rule.status).toBe(201);
    const audience = rule.body.enrolled as number;
    expect(audience).toBeGreaterThan(0);
    expect(await enrolled(first.courseId)).toBe(audience);

    const changed = await api(trainer).patch(`/programmes/${programme.body.id}`, {
      courseIds: [first.courseId, added.courseId, draft.courseId],
    });
    expect(changed.status).toBe(200);
    expect(await enrolled(added.courseId)).toBe(audience);
    expect(await enrolled(draft.courseId)).toBe(0);
    const rules = await api(hr).get(`/assignment-rules?courseId=${added.courseId}`);
    expect(rules.body.items.map((r: { id: string }) => r.id)).toEqual([rule.body.id]);
    expect(rules.body.items[0].courseIds).toEqual([first.courseId, added.courseId]);

    // Dropping a course stops new enrolments in it; those made stay.
    expect((await api(trainer).patch(`/programmes/${programme.body.id}`, { courseIds: [added.courseId] })).status).toBe(
      200,
    );
    expect((await api(hr).get(`/assignment-rules/${rule.body.id}`)).body.courseIds).toEqual([added.courseId]);
    expect(await enrolled(first.courseId)).toBe(audience);
    const [{ events }] = await t.sql<{ events: number }>(
      `SELECT count(*)::int AS events FROM audit_event WHERE action = 'assignment-rule.follow-programme' AND entity_id = $1`,
      [rule.body.id],
    );
    expect(events).toBe(2);
  });
});
