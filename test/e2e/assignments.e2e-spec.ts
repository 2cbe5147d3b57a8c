import { MaterializerService } from '@lms/assignments';
import { createCourse, unitId } from '../support/catalogue-fixtures';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

const API = '/api/v1';
const CSV_HEADER = 'personnel_number,full_name,rank,position,service_type,unit_code,status,language';

describe('orders, assignment rules and enrolments', () => {
  let t: TestApp;
  let hr: string;
  let hrAstana: string;
  let admin: string;
  let officer: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  /** Active officers of a region with these service types, by SQL: what a rule should match. */
  const audienceCount = async (region: string, serviceTypes: string[]) =>
    (
      await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM officer o JOIN unit u ON u.id = o.unit_id
         WHERE u.path LIKE (SELECT path FROM unit WHERE code = $1) || '%' AND o.status = 'active' AND o.service_type = ANY($2)`,
        [region, serviceTypes],
      )
    )[0].n;

  const openEnrolments = async (courseId: string) =>
    (
      await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM enrollment WHERE course_id = $1 AND status IN ('assigned', 'in_progress')`,
        [courseId],
      )
    )[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    [hr, hrAstana, admin, officer] = await Promise.all([
      t.login('hr.almaty'),
      t.login('hr.astana'),
      t.login('admin'),
      t.login('officer'),
    ]);
  });
  afterAll(() => t.close());

  it('enrols all patrol officers and district inspectors of a region at once, and follows a transfer into it', async () => {
    const { courseId } = await createCourse(t, 'A-DONE-WHEN');
    const order = await t
      .http()
      .post(`${API}/orders`)
      .set(auth(hr))
      .send({ number: 'ALM-2026/17', date: '2026-11-20', title: 'On communication training' });
    expect(order.status).toBe(201);
    const alm = await unitId(t, 'ALM');
    const rule = await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({
        courseId,
        orderId: order.body.id,
        audience: { unitIds: [alm], serviceTypes: ['patrol', 'district_inspector'] },
        dueInDays: 60,
        recurrenceMonths: 12,
      });
    expect(rule.status).toBe(201);
    const expected = await audienceCount('ALM', ['patrol', 'district_inspector']);
    expect(expected).toBeGreaterThan(20);
    expect(rule.body.enrolled).toBe(expected);

    const list = await t.http().get(`${API}/enrollments?orderId=${order.body.id}&limit=500`).set(auth(hr));
    expect(list.body.total).toBe(expected);
    const due = new Date(list.body.items[0].dueAt).getTime();
    expect(Math.abs(due - (Date.now() + 60 * 86400_000))).toBeLessThan(120_000);
    expect(list.body.items.every((e: { status: string }) => e.status === 'assigned')).toBe(true);

    // An Astana patrol officer moves to Almaty (admin imports HR's file): enrolled in the same transaction.
    const [mover] = await t.sql<{
      personnel_number: string;
      full_name: string;
      rank: string;
      position: string;
      language: string;
      id: string;
    }>(
      `SELECT o.* FROM officer o JOIN unit u ON u.id = o.unit_id WHERE u.code = 'AST-ESIL-PPS' AND o.status = 'active' AND o.service_type = 'patrol' LIMIT 1`,
    );
    const csv = `${CSV_HEADER}\n${mover.personnel_number},${mover.full_name},${mover.rank},${mover.position},patrol,ALM-BOST-PPS,active,${mover.language}\n`;
    const imported = await t
      .http()
      .post(`${API}/officers/import`)
      .set(auth(admin))
      .set('content-type', 'text/csv')
      .send(csv);
    expect(imported.status).toBe(200);
    expect(imported.body.updated).toBe(1);
    const theirs = await t.http().get(`${API}/enrollments?officerId=${mover.id}&courseId=${courseId}`).set(auth(hr));
    expect(theirs.body.items).toHaveLength(1);
    expect(theirs.body.items[0]).toMatchObject({ status: 'assigned', ruleId: rule.body.id, orderId: order.body.id });

    // And moving out of the audience closes the open enrolment as withdrawn, with the reason.
    const leave = await t
      .http()
      .patch(`${API}/officers/${mover.id}`)
      .set(auth(admin))
      .send({ unitId: await unitId(t, 'AST-ESIL-PPS') });
    expect(leave.status).toBe(200);
    const closed = await t.http().get(`${API}/enrollments/${theirs.body.items[0].id}`).set(auth(admin));
    expect(closed.body).toMatchObject({ status: 'withdrawn', closedReason: 'officer left the audience of the rule' });
  });

  it('re-running a rule adds nothing, and an overlapping rule never opens a second enrolment', async () => {
    const { courseId } = await createCourse(t, 'A-IDEMPOTENT');
    const bost = await unitId(t, 'ALM-BOST');
    const first = await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({ courseId, audience: { unitIds: [bost] }, dueInDays: 30 });
    expect(first.body.enrolled).toBeGreaterThan(0);
    const again = await t.http().post(`${API}/assignment-rules/${first.body.id}/materialize`).set(auth(hr));
    expect(again.body.enrolled).toBe(0);
    const overlap = await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({ courseId, audience: { unitIds: [bost], serviceTypes: ['patrol'] }, dueInDays: 10 });
    expect(overlap.status).toBe(201);
    expect(overlap.body.enrolled).toBe(0);
    const [{ dupes }] = await t.sql<{ dupes: number }>(
      `SELECT count(*)::int AS dupes FROM (SELECT officer_id FROM enrollment WHERE course_id = $1 AND status IN ('assigned','in_progress') GROUP BY officer_id HAVING count(*) > 1) d`,
      [courseId],
    );
    expect(dupes).toBe(0);
  });

  it('creates the same rule only once when two requests race', async () => {
    const { courseId } = await createCourse(t, 'A-RACE');
    const body = { courseId, audience: { unitIds: [await unitId(t, 'ALM-AUEZ')] }, dueInDays: 45 };
    const results = await Promise.all(
      [1, 2, 3].map(() => t.http().post(`${API}/assignment-rules`).set(auth(hr)).send(body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const winner = results.find((r) => r.status === 201)!;
    expect(await openEnrolments(courseId)).toBe(winner.body.enrolled);
    expect(results.find((r) => r.status === 409)!.body.type).toBe('/problems/rule-exists');
  });

  it('allows an audience that matches nobody, reporting 0', async () => {
    const { courseId } = await createCourse(t, 'A-NOBODY');
    const res = await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({ courseId, audience: { ranks: ['генерал-полковник'] }, dueInDays: 30 });
    expect(res.status).toBe(201);
    expect(res.body.enrolled).toBe(0);
  });

  it('refuses a rule on an unpublished course (409), a past due date (422) and an audience outside HR’s units (404), creating nothing', async () => {
    const draft = await createCourse(t, 'A-DRAFT', { publish: false });
    const { courseId } = await createCourse(t, 'A-REFUSALS');
    const rulesBefore = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM assignment_rule'))[0].n;
    const unpublished = await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({ courseId: draft.courseId, audience: {}, dueInDays: 30 });
    expect(unpublished.status).toBe(409);
    expect(unpublished.body.type).toBe('/problems/course-not-published');
    const past = await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({ courseId, audience: {}, dueDate: '2020-01-01' });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([{ field: 'dueDate', message: 'is in the past' }]);
    expectProblem(past, 422, 'invalid-due-policy');
    const both = await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({ courseId, audience: {}, dueDate: '2099-01-01', dueInDays: 3 });
    expect(both.status).toBe(422);
    expectProblem(both, 422, 'invalid-due-policy');
    const outside = await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({ courseId, audience: { unitIds: [await unitId(t, 'AST')] }, dueInDays: 30 });
    expect(outside.status).toBe(404);
    const officerTries = await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(officer))
      .send({ courseId, audience: {}, dueInDays: 30 });
    expect(officerTries.status).toBe(403);
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM assignment_rule'))[0].n).toBe(rulesBefore);
    expect(await openEnrolments(courseId)).toBe(0);
  });

  it('limits an HR rule without units to HR’s own subtree', async () => {
    const { courseId } = await createCourse(t, 'A-DEFAULT-SCOPE');
    const res = await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hrAstana))
      .send({ courseId, audience: { serviceTypes: ['traffic'] }, dueInDays: 30 });
    expect(res.body.enrolled).toBe(await audienceCount('AST', ['traffic']));
    const [{ outside }] = await t.sql<{ outside: number }>(
      `SELECT count(*)::int AS outside FROM enrollment e JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id
       WHERE e.course_id = $1 AND NOT u.path LIKE (SELECT path FROM unit WHERE code = 'AST') || '%'`,
      [courseId],
    );
    expect(outside).toBe(0);
  });

  it('exempts an open enrolment with the reason and who decided; a completed one cannot be exempted', async () => {
    const { courseId } = await createCourse(t, 'A-EXEMPT');
    await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({ courseId, audience: { unitIds: [await unitId(t, 'ALM-MEDEU')] }, dueInDays: 30 });
    const list = await t.http().get(`${API}/enrollments?courseId=${courseId}&limit=2`).set(auth(hr));
    const [a, b] = list.body.items;
    const exempted = await t
      .http()
      .post(`${API}/enrollments/${a.id}/exemption`)
      .set(auth(hr))
      .send({ reason: 'Trained at the Academy in 2026' });
    expect(exempted.status).toBe(200);
    expect(exempted.body).toMatchObject({ status: 'exempted', closedReason: 'Trained at the Academy in 2026' });
    expect(exempted.body.closedBy).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      (await t.http().post(`${API}/enrollments/${a.id}/exemption`).set(auth(hr)).send({ reason: 'again' })).status,
    ).toBe(409);
    await t.sql(`UPDATE enrollment SET status = 'completed', completed_at = now() WHERE id = $1`, [b.id]);
    const completed = await t
      .http()
      .post(`${API}/enrollments/${b.id}/exemption`)
      .set(auth(hr))
      .send({ reason: 'late' });
    expect(completed.status).toBe(409);
    expect(completed.body.type).toBe('/problems/enrollment-closed');
    const empty = await t.http().post(`${API}/enrollments/${a.id}/exemption`).set(auth(hr)).send({ reason: '  ' });
    expect(empty.status).toBe(422);
    const astanaTries = await t
      .http()
      .post(`${API}/enrollments/${b.id}/exemption`)
      .set(auth(hrAstana))
      .send({ reason: 'x' });
    expect(astanaTries.status).toBe(404);
  });

  it('withdraws a dismissed officer’s open enrolments and gives them no new ones', async () => {
    const { courseId } = await createCourse(t, 'A-DISMISS');
    const turk = await unitId(t, 'ALM-TURK');
    await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({ courseId, audience: { unitIds: [turk] }, dueInDays: 30 });
    const [victim] = (await t.http().get(`${API}/enrollments?courseId=${courseId}&limit=1`).set(auth(hr))).body.items;
    await t.http().patch(`${API}/officers/${victim.officerId}`).set(auth(hr)).send({ status: 'dismissed' }).expect(200);
    const after = await t.http().get(`${API}/enrollments/${victim.id}`).set(auth(hr));
    expect(after.body).toMatchObject({ status: 'withdrawn', closedReason: 'officer dismissed' });
    const { courseId: second } = await createCourse(t, 'A-DISMISS-2');
    await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({ courseId: second, audience: { unitIds: [turk] }, dueInDays: 30 });
    expect(
      await t.sql('SELECT 1 FROM enrollment WHERE course_id = $1 AND officer_id = $2', [second, victim.officerId]),
    ).toEqual([]);
  });

  it('retiring a rule stops new enrolments and keeps the ones it made', async () => {
    const { courseId } = await createCourse(t, 'A-RETIRE');
    const section = await unitId(t, 'ALM-ALMALY-JP');
    const rule = await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({ courseId, audience: { unitIds: [section] }, dueInDays: 30 });
    await t.http().delete(`${API}/assignment-rules/${rule.body.id}`).set(auth(hr)).expect(204);
    expect(await openEnrolments(courseId)).toBe(rule.body.enrolled);
    const created = await t.http().post(`${API}/officers`).set(auth(hr)).send({
      personnelNumber: 'R-900001',
      fullName: 'Жаңа Қызметкер',
      rank: 'лейтенант полиции',
      position: 'инспектор',
      serviceType: 'traffic',
      unitId: section,
    });
    expect(created.status).toBe(201);
    expect(
      await t.sql('SELECT 1 FROM enrollment WHERE officer_id = $1 AND course_id = $2', [created.body.id, courseId]),
    ).toEqual([]);
    // The demo's active rules (the programme for the external services) did enrol the new traffic officer.
    const enrolledBy = await t.sql<{ rule_id: string }>(
      'SELECT e.rule_id FROM enrollment e JOIN assignment_rule r ON r.id = e.rule_id WHERE e.officer_id = $1 AND r.retired_at IS NULL',
      [created.body.id],
    );
    expect(enrolledBy.length).toBeGreaterThan(0);
    const listed = await t.http().get(`${API}/assignment-rules?includeRetired=true&courseId=${courseId}`).set(auth(hr));
    expect(listed.body.items[0].retiredAt).not.toBeNull();
  });

  it('enrols a newly created officer who matches an active rule, in the same request', async () => {
    const { courseId } = await createCourse(t, 'A-NEWCOMER');
    const section = await unitId(t, 'ALM-AUEZ-IDN');
    await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({ courseId, audience: { unitIds: [section], serviceTypes: ['juvenile'] }, dueInDays: 30 });
    const created = await t.http().post(`${API}/officers`).set(auth(hr)).send({
      personnelNumber: 'N-900002',
      fullName: 'Әлиева Дана',
      rank: 'лейтенант полиции',
      position: 'инспектор ПДН',
      serviceType: 'juvenile',
      unitId: section,
    });
    const rows = await t.sql<{ status: string }>(
      'SELECT status FROM enrollment WHERE officer_id = $1 AND course_id = $2',
      [created.body.id, courseId],
    );
    expect(rows).toEqual([{ status: 'assigned' }]);
  });

  it('lets HR assign by hand, skipping officers already covered, and refuses officers outside its units', async () => {
    const { courseId } = await createCourse(t, 'A-MANUAL');
    const officers = await t.sql<{ id: string }>(
      `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id WHERE u.code = 'ALM-BOST-JP' AND o.status = 'active' ORDER BY o.id LIMIT 3`,
    );
    const ids = officers.map((o) => o.id);
    const first = await t
      .http()
      .post(`${API}/enrollments`)
      .set(auth(hr))
      .send({ courseId, officerIds: ids.slice(0, 2), dueDate: '2099-12-31' });
    expect(first.body).toEqual({ enrolled: 2, skipped: 0 });
    const second = await t
      .http()
      .post(`${API}/enrollments`)
      .set(auth(hr))
      .send({ courseId, officerIds: ids, dueInDays: 14 });
    expect(second.body).toEqual({ enrolled: 1, skipped: 2 });
    const [astana] = await t.sql<{ id: string }>(
      `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id WHERE u.code LIKE 'AST-%' LIMIT 1`,
    );
    const outside = await t
      .http()
      .post(`${API}/enrollments`)
      .set(auth(hr))
      .send({ courseId, officerIds: [ids[0], astana.id], dueInDays: 14 });
    expect(outside.status).toBe(404);
    const due = await t.sql<{ due: string }>(
      `SELECT to_char(due_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD HH24:MI') AS due FROM enrollment WHERE course_id = $1 AND officer_id = $2`,
      [courseId, ids[0]],
    );
    expect(due).toEqual([{ due: '2100-01-01 00:00' }]); // the end of 31 December in Almaty
  });

  it('refuses a manual assignment due in the past or with both due fields (422 invalid-due-policy), enrolling nobody', async () => {
    const { courseId } = await createCourse(t, 'A-MANUAL-DUE');
    const [{ id }] = await t.sql<{ id: string }>(
      `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id WHERE u.code = 'ALM-BOST-JP' AND o.status = 'active' LIMIT 1`,
    );
    const assign = (due: Record<string, unknown>) =>
      t
        .http()
        .post(`${API}/enrollments`)
        .set(auth(hr))
        .send({ courseId, officerIds: [id], ...due });
    const past = await assign({ dueDate: '2020-01-01' });
    expectProblem(past, 422, 'invalid-due-policy');
    expect(past.body.errors).toEqual([{ field: 'dueDate', message: 'is in the past' }]);
    const both = await assign({ dueDate: '2099-01-01', dueInDays: 3 });
    expectProblem(both, 422, 'invalid-due-policy');
    expect(both.body.errors).toEqual([{ field: 'dueDate', message: 'give dueDate or dueInDays, not both' }]);
    expect(await openEnrolments(courseId)).toBe(0);
  });

  it('filters enrolments by status (overdue derived), due dates, unit and order; scoped to HR’s subtree', async () => {
    const { courseId } = await createCourse(t, 'A-FILTERS');
    await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(admin))
      .send({ courseId, audience: { serviceTypes: ['traffic'] }, dueInDays: 30 });
    const [late] = await t.sql<{ id: string }>(
      `UPDATE enrollment SET due_at = now() - interval '1 day' WHERE id = (
         SELECT e.id FROM enrollment e JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id
         WHERE e.course_id = $1 AND u.code LIKE 'ALM-%' LIMIT 1) RETURNING id`,
      [courseId],
    );
    const overdue = await t.http().get(`${API}/enrollments?courseId=${courseId}&status=overdue`).set(auth(hr));
    expect(overdue.body.items.map((e: { id: string }) => e.id)).toEqual([late.id]);
    const dueSoon = await t
      .http()
      .get(`${API}/enrollments?courseId=${courseId}&dueBefore=${new Date().toISOString()}`)
      .set(auth(hr));
    expect(dueSoon.body.total).toBe(1);
    const almOnly = await t.http().get(`${API}/enrollments?courseId=${courseId}&limit=500`).set(auth(hr));
    expect(almOnly.body.total).toBe(await audienceCount('ALM', ['traffic']));
    const bost = await t
      .http()
      .get(`${API}/enrollments?courseId=${courseId}&unitId=${await unitId(t, 'ALM-BOST')}&limit=500`)
      .set(auth(hr));
    expect(bost.body.total).toBe(await audienceCount('ALM-BOST', ['traffic']));
    const bad = await t.http().get(`${API}/enrollments?status=late`).set(auth(hr));
    expect(bad.status).toBe(422);
  });

  it('shows the officer their own enrolments in their language, and no one else’s', async () => {
    const { courseId, lessonIds } = await createCourse(t, 'A-MINE', { validityMonths: 24 });
    const [me] = await t.sql<{ officer_id: string; language: string }>(
      `SELECT a.officer_id, o.language FROM user_account a JOIN officer o ON o.id = a.officer_id WHERE a.username = 'officer'`,
    );
    await t
      .http()
      .post(`${API}/enrollments`)
      .set(auth(hr))
      .send({ courseId, officerIds: [me.officer_id], dueInDays: 30 })
      .expect(201);
    const mine = await t.http().get(`${API}/me/enrollments`).set(auth(officer));
    expect(mine.status).toBe(200);
    const item = mine.body.items.find((e: { courseId: string }) => e.courseId === courseId);
    expect(item.courseTitle).toBe(`A-MINE (${me.language})`);
    expect(item.dueAt).toBeTruthy();
    const inRussian = await t.http().get(`${API}/me/enrollments?lang=ru`).set(auth(officer));
    expect(inRussian.body.items.find((e: { courseId: string }) => e.courseId === courseId).courseTitle).toBe(
      'A-MINE (ru)',
    );

    const all = await t.http().get(`${API}/enrollments?limit=500`).set(auth(officer));
    expect(all.body.items.every((e: { officerId: string }) => e.officerId === me.officer_id)).toBe(true);
    const [other] = await t.sql<{ id: string }>('SELECT id FROM enrollment WHERE officer_id <> $1 LIMIT 1', [
      me.officer_id,
    ]);
    expect((await t.http().get(`${API}/enrollments/${other.id}`).set(auth(officer))).status).toBe(404);

    // Starting pins the published version; reading every lesson completes a lessons-only course.
    const started = await t.http().post(`${API}/enrollments/${item.id}/start`).set(auth(officer));
    expect(started.body).toMatchObject({ status: 'in_progress' });
    expect(started.body.courseVersionId).toMatch(/^[0-9a-f-]{36}$/);
    await t.http().post(`${API}/enrollments/${item.id}/lessons/${lessonIds[0]}/read`).set(auth(officer)).expect(200);
    const done = await t.http().post(`${API}/enrollments/${item.id}/lessons/${lessonIds[1]}/read`).set(auth(officer));
    expect(done.body.status).toBe('completed');
    const months =
      (new Date(done.body.expiresAt).getTime() - new Date(done.body.completedAt).getTime()) / (30.44 * 86400_000);
    expect(Math.round(months)).toBe(24);
    const unknown = await t.http().post(`${API}/enrollments/${item.id}/lessons/${courseId}/read`).set(auth(officer));
    expect(unknown.status).toBe(409); // completed: closed to further work
  });

  it('opens the next cycle when a completion expires, keeping the history', async () => {
    // The worker's first round catches up on the demo's own completions that ran out today.
    await t.app.get(MaterializerService).openExpiredCycles();
    const { courseId } = await createCourse(t, 'A-RECUR');
    const section = await unitId(t, 'ALM-MEDEU-UP');
    await t
      .http()
      .post(`${API}/assignment-rules`)
      .set(auth(hr))
      .send({ courseId, audience: { unitIds: [section] }, dueInDays: 20, recurrenceMonths: 12 });
    const [first] = await t.sql<{ id: string; officer_id: string }>(
      `UPDATE enrollment SET status = 'completed', completed_at = now() - interval '13 months', expires_at = now() - interval '1 month'
       WHERE id = (SELECT id FROM enrollment WHERE course_id = $1 LIMIT 1) RETURNING id, officer_id`,
      [courseId],
    );
    const opened = await t.app.get(MaterializerService).openExpiredCycles();
    expect(opened).toBe(1);
    const cycles = await t.sql<{ cycle: number; status: string }>(
      'SELECT cycle, status FROM enrollment WHERE course_id = $1 AND officer_id = $2 ORDER BY cycle',
      [courseId, first.officer_id],
    );
    expect(cycles).toEqual([
      { cycle: 1, status: 'completed' },
      { cycle: 2, status: 'assigned' },
    ]);
    expect(await t.app.get(MaterializerService).openExpiredCycles()).toBe(0);
  });

  it('keeps orders to their subtree: HR sees orders issued above and its own, changes only its own', async () => {
    const national = await t
      .http()
      .post(`${API}/orders`)
      .set(auth(admin))
      .send({ number: 'MVD-81', date: '2026-01-02', title: 'National order', issuingAuthority: 'МВД РК' });
    expect(national.status).toBe(201);
    const astana = await t
      .http()
      .post(`${API}/orders`)
      .set(auth(hrAstana))
      .send({ number: 'AST-5', date: '2026-03-01', title: 'Astana order' });
    const seen = await t.http().get(`${API}/orders?limit=100`).set(auth(hr));
    const numbers = seen.body.items.map((o: { number: string }) => o.number);
    expect(numbers).toContain('MVD-81');
    expect(numbers).not.toContain('AST-5');
    expect((await t.http().get(`${API}/orders/${astana.body.id}`).set(auth(hr))).status).toBe(404);
    expect(
      (await t.http().patch(`${API}/orders/${national.body.id}`).set(auth(hr)).send({ title: 'changed' })).status,
    ).toBe(404);
    const duplicate = await t
      .http()
      .post(`${API}/orders`)
      .set(auth(hr))
      .send({ number: 'MVD-81', date: '2026-01-02', title: 'again' });
    expect(duplicate.status).toBe(409);
    const badDate = await t
      .http()
      .post(`${API}/orders`)
      .set(auth(hr))
      .send({ number: 'X-1', date: '2026-02-30', title: 'bad' });
    expect(badDate.status).toBe(422);
  });
});
