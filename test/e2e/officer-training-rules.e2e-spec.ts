import { EnrollmentService } from '@lms/assignments';
import { CourseVersionService } from '@lms/catalogue';
import { RequestContext } from '@lms/core';
import { AuthService } from '@lms/identity';
import { EnrolmentVersions } from '@lms/web';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The officer's training list reads every enrolment's completion rule in one
 * statement (the pinned version's, or the course's published one before the
 * start): the same rules as reading each enrolment's version in full.
 */
describe("the officer's training list: completion rules in one statement", () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('gives each enrolment the rule of the version it would read, started or not', async () => {
    t = await createTestApp();
    const token = await t.login('officer');
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    const ctx = new RequestContext(await t.app.get(AuthService, { strict: false }).authenticate(claims));
    const { items } = await t.app
      .get(EnrollmentService, { strict: false })
      .list(ctx, { officerId: ctx.actor!.officerId!, limit: 500, offset: 0 });
    expect(items.some((e) => e.courseVersionId)).toBe(true);
    // One enrolment not started yet: its rule is the course's published version's.
    await t.sql('UPDATE enrollment SET course_version_id = NULL WHERE id = $1', [items[0].id]);
    const enrolments = (
      await t.app.get(EnrollmentService, { strict: false }).list(ctx, {
        officerId: ctx.actor!.officerId!,
        limit: 500,
        offset: 0,
      })
    ).items;
    const versions = t.app.get(EnrolmentVersions, { strict: false });
    const rules = await versions.rules(enrolments);
    const expected = new Map();
    for (const e of enrolments) expected.set(e.id, (await versions.of(ctx, e)).completionRule);
    expect(rules.size).toBe(enrolments.length);
    expect(rules).toEqual(expected);
    // Asked again, the published versions' rules come from the process: the same answer.
    expect(await versions.rules(enrolments)).toEqual(expected);
  });

  it('keeps a published version’s content frozen and reads a draft afresh every time', async () => {
    const catalogue = t.app.get(CourseVersionService, { strict: false });
    const [published] = await t.sql<{ id: string }>("SELECT id FROM course_version WHERE status = 'published' LIMIT 1");
    const content = (await catalogue.contentOf(published.id))!;
    expect(Object.isFrozen(content) && Object.isFrozen(content.lessons)).toBe(true);
    expect(() => content.lessons.push(content.lessons[0])).toThrow(/not extensible/);
    expect(await catalogue.contentOf(published.id)).toBe(content);
    const [draft] = await t.sql<{ id: string }>(
      `INSERT INTO course_version (course_id, number, status, content)
       SELECT course_id, 999, 'draft', content FROM course_version WHERE id = $1 RETURNING id`,
      [published.id],
    );
    const before = (await catalogue.contentOf(draft.id))!;
    expect(Object.isFrozen(before)).toBe(false);
    await t.sql(`UPDATE course_version SET content = jsonb_set(content, '{objectives}', '["changed"]') WHERE id = $1`, [
      draft.id,
    ]);
    expect((await catalogue.contentOf(draft.id))!.objectives).toEqual(['changed']);
    await t.sql('DELETE FROM course_version WHERE id = $1', [draft.id]);
    expect(await catalogue.contentOf('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('shows an officer a published version rendered once, the same on every read, and its author the answers', async () => {
    const [version] = await t.sql<{ id: string }>(
      `SELECT v.id FROM course_version v WHERE v.status = 'published' AND jsonb_array_length(v.content->'quiz'->'questions') > 0
       LIMIT 1`,
    );
    const officer = await t.login('officer');
    const read = async (token: string) =>
      (await t.http().get(`/api/v1/course-versions/${version.id}`).set('authorization', `Bearer ${token}`).expect(200))
        .body as { lessons: { bodyHtml: unknown }[]; quiz: { questions: unknown[]; questionCount: number } };
    const first = await read(officer);
    expect(first.quiz.questions).toEqual([]);
    expect(first.quiz.questionCount).toBeGreaterThan(0);
    expect(first.lessons.every((lesson) => JSON.stringify(lesson.bodyHtml).includes('<p>'))).toBe(true);
    expect(await read(officer)).toEqual(first);
    const author = await read(await t.login('admin'));
    expect(author.quiz.questions).toHaveLength(first.quiz.questionCount);
  });
});
