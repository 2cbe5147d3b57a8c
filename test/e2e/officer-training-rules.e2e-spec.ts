import { EnrollmentService } from '@lms/assignments';
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
  });
});
