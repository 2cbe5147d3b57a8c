import { MaterializerService } from '@lms/assignments';
import { apiAs } from '../support/api-client';
import { createCourse, unitId } from '../support/catalogue-fixtures';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

const CSV_HEADER = 'personnel_number,full_name,rank,position,service_type,unit_code,status,language';

describe('orders, assignment rules and enrolments', () => {
  let t: TestApp;
  const api = (token: string) => apiAs(t, token);
  let hr: string;
  let hrAstana: string;
  let admin: string;
  let officer: string;

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
    const order = await api(hr)
      .post('/orders')
      .send({ number: 'ALM-2026/17', date: '2026-11-20', title: 'On communication training' });
    expect(order.status).toBe(201);
    const alm = await unitId(t, 'ALM');
    const rule = await api(hr)
      .post('/assignment-rules')
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

    const list = await api(hr).get(`/enrollments?orderId=${order.body.id}&limit=500`);
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
    const imported = await api(admin).post('/officers/import').set('content-type', 'text/csv').send(csv);
    expect(imported.status).toBe(200);
    expect(imported.body.updated).toBe(1);
    const theirs = await api(hr).get(`/enrollments?officerId=${mover.id}&courseId=${courseId}`);
    expect(theirs.body.items).toHaveLength(1);
    expect(theirs.body.items[0]).toMatchObject({ status: 'assigned', ruleId: rule.body.id, orderId: order.body.id });

    // And moving out of the audience closes the open enrolment as withdrawn, with the reason.
    const leave = await api(admin)
      .patch(`/officers/${mover.id}`)
      .send({ unitId: await unitId(t, 'AST-ESIL-PPS') });
    expect(leave.status).toBe(200);
    const closed = await api(admin).get(`/enrollments/${theirs.body.items[0].id}`);
    expect(closed.body).toMatchObject({ status: 'withdrawn', closedReason: 'officer left the audience of the rule' });
  });

  it('re-running a rule adds nothing, and an overlapping rule never opens a second enrolment', async () => {
    const { courseId } = await createCourse(t, 'A-IDEMPOTENT');
    const bost = await unitId(t, 'ALM-BOST');
    const first = await api(hr)
      .post('/assignment-rules')
      .send({ courseId, audience: { unitIds: [bost] }, dueInDays: 30 });
    expect(first.body.enrolled).toBeGreaterThan(0);
    const again = await api(hr).post(`/assignment-rules/${first.body.id}/materialize`);
    expect(again.body.enrolled).toBe(0);
    const overlap = await api(hr)
      .post('/assignment-rules')
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
    const results = await Promise.all([1, 2, 3].map(() => api(hr).post('/assignment-rules').send(body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const winner = results.find((r) => r.status === 201)!;
    expect(await openEnrolments(courseId)).toBe(winner.body.enrolled);
    expect(results.find((r) => r.status === 409)!.body.type).toBe('/problems/rule-exists');
  });

  it('allows an audience that matches nobody, reporting 0', async () => {
    const { courseId } = await createCourse(t, 'A-NOBODY');
    const res = await api(hr)
      .post('/assignment-rules')
      .send({ courseId, audience: { ranks: ['генерал-полковник'] }, dueInDays: 30 });
    expect(res.status).toBe(201);
    expect(res.body.enrolled).toBe(0);
  });

  it('refuses a rule on an unpublished course (409), a past due date (422) and an audience outside HR’s units (404), creating nothing', async () => {
    const draft = await createCourse(t, 'A-DRAFT', { publish: false });
    const { courseId } = await createCourse(t, 'A-REFUSALS');
    const rulesBefore = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM assignment_rule'))[0].n;
    const unpublished = await api(hr)
      .post('/assignment-rules')
      .send({ courseId: draft.courseId, audience: {}, dueInDays: 30 });
    expectProblem(unpublished, 409, 'course-not-published');
    const past = await api(hr).post('/assignment-rules').send({ courseId, audience: {}, dueDate: '2020-01-01' });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([{ field: 'dueDate', message: 'is in the past' }]);
    expectProblem(past, 422, 'invalid-due-policy');
    const both = await api(hr)
      .post('/assignment-rules')
      .send({ courseId, audience: {}, dueDate: '2099-01-01', dueInDays: 3 });
    expect(both.status).toBe(422);
    expectProblem(both, 422, 'invalid-due-policy');
    const outside = await api(hr)
      .post('/assignment-rules')
      .send({ courseId, audience: { unitIds: [await unitId(t, 'AST')] }, dueInDays: 30 });
    expect(outside.status).toBe(404);
    const officerTries = await api(officer).post('/assignment-rules').send({ courseId, audience: {}, dueInDays: 30 });
    expect(officerTries.status).toBe(403);
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM assignment_rule'))[0].n).toBe(rulesBefore);
    expect(await openEnrolments(courseId)).toBe(0);
  });

  it('limits an HR rule without units to HR’s own subtree', async () => {
    const { courseId } = await createCourse(t, 'A-DEFAULT-SCOPE');
    const res = await api(hrAstana)
      .post('/assignment-rules')
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
    await api(hr)
      .post('/assignment-rules')
      .send({ courseId, audience: { unitIds: [await unitId(t, 'ALM-MEDEU')] }, dueInDays: 30 });
    const list = await api(hr).get(`/enrollments?courseId=${courseId}&limit=2`);
    const [a, b] = list.body.items;
    const exempted = await api(hr)
      .post(`/enrollments/${a.id}/exemption`)
      .send({ reason: 'Trained at the Academy in 2026' });
    expect(exempted.status).toBe(200);
    expect(exempted.body).toMatchObject({ status: 'exempted', closedReason: 'Trained at the Academy in 2026' });
    expect(exempted.body.closedBy).toMatch(/^[0-9a-f-]{36}$/);
    expect((await api(hr).post(`/enrollments/${a.id}/exemption`).send({ reason: 'again' })).status).toBe(409);
    await t.sql(`UPDATE enrollment SET status = 'completed', completed_at = now() WHERE id = $1`, [b.id]);
    const completed = await api(hr).post(`/enrollments/${b.id}/exemption`).send({ reason: 'late' });
    expectProblem(completed, 409, 'enrollment-closed');
    const empty = await api(hr).post(`/enrollments/${a.id}/exemption`).send({ reason: '  ' });
    expect(empty.status).toBe(422);
    const astanaTries = await api(hrAstana).post(`/enrollments/${b.id}/exemption`).send({ reason: 'x' });
    expect(astanaTries.status).toBe(404);
  });

  it('withdraws a dismissed officer’s open enrolments and gives them no new ones', async () => {
    const { courseId } = await createCourse(t, 'A-DISMISS');
    const turk = await unitId(t, 'ALM-TURK');
    await api(hr)
      .post('/assignment-rules')
      .send({ courseId, audience: { unitIds: [turk] }, dueInDays: 30 });
    const [victim] = (await api(hr).get(`/enrollments?courseId=${courseId}&limit=1`)).body.items;
    await api(hr).patch(`/officers/${victim.officerId}`).send({ status: 'dismissed' }).expect(200);
    const after = await api(hr).get(`/enrollments/${victim.id}`);
    expect(after.body).toMatchObject({ status: 'withdrawn', closedReason: 'officer dismissed' });
    const { courseId: second } = await createCourse(t, 'A-DISMISS-2');
    await api(hr)
      .post('/assignment-rules')
      .send({ courseId: second, audience: { unitIds: [turk] }, dueInDays: 30 });
    expect(
      await t.sql('SELECT 1 FROM enrollment WHERE course_id = $1 AND officer_id = $2', [second, victim.officerId]),
    ).toEqual([]);
  });

  it('retiring a rule stops new enrolments and keeps the ones it made', async () => {
    const { courseId } = await createCourse(t, 'A-RETIRE');
    const section = await unitId(t, 'ALM-ALMALY-JP');
    const rule = await api(hr)
      .post('/assignment-rules')
      .send({ courseId, audience: { unitIds: [section] }, dueInDays: 30 });
    await api(hr).delete(`/assignment-rules/${rule.body.id}`).expect(204);
    expect(await openEnrolments(courseId)).toBe(rule.body.enrolled);
    const created = await api(hr).post('/officers').send({
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
    const listed = await api(hr).get(`/assignment-rules?includeRetired=true&courseId=${courseId}`);
    expect(listed.body.items[0].retiredAt).not.toBeNull();
  });

  it('enrols a newly created officer who matches an active rule, in the same request', async () => {
    const { courseId } = await createCourse(t, 'A-NEWCOMER');
    const section = await unitId(t, 'ALM-AUEZ-IDN');
    await api(hr)
      .post('/assignment-rules')
      .send({ courseId, audience: { unitIds: [section], serviceTypes: ['juvenile'] }, dueInDays: 30 });
    const created = await api(hr).post('/officers').send({
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
    const first = await api(hr)
      .post('/enrollments')
      .send({ courseId, officerIds: ids.slice(0, 2), dueDate: '2099-12-31' });
    expect(first.body).toEqual({ enrolled: 2, skipped: 0 });
    const second = await api(hr).post('/enrollments').send({ courseId, officerIds: ids, dueInDays: 14 });
    expect(second.body).toEqual({ enrolled: 1, skipped: 2 });
    const [astana] = await t.sql<{ id: string }>(
      `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id WHERE u.code LIKE 'AST-%' LIMIT 1`,
    );
    const outside = await api(hr)
      .post('/enrollments')
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
      api(hr)
        .post('/enrollments')
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
    await api(admin)
      .post('/assignment-rules')
      .send({ courseId, audience: { serviceTypes: ['traffic'] }, dueInDays: 30 });
    const [late] = await t.sql<{ id: string }>(
      `UPDATE enrollment SET due_at = now() - interval '1 day' WHERE id = (
         SELECT e.id FROM enrollment e JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id
         WHERE e.course_id = $1 AND u.code LIKE 'ALM-%' LIMIT 1) RETURNING id`,
      [courseId],
    );
    const overdue = await api(hr).get(`/enrollments?courseId=${courseId}&status=overdue`);
    expect(overdue.body.items.map((e: { id: string }) => e.id)).toEqual([late.id]);
    const dueSoon = await api(hr).get(`/enrollments?courseId=${courseId}&dueBefore=${new Date().toISOString()}`);
    expect(dueSoon.body.total).toBe(1);
    const almOnly = await api(hr).get(`/enrollments?courseId=${courseId}&limit=500`);
    expect(almOnly.body.total).toBe(await audienceCount('ALM', ['traffic']));
    const bost = await api(hr).get(`/enrollments?courseId=${courseId}&unitId=${await unitId(t, 'ALM-BOST')}&limit=500`);
    expect(bost.body.total).toBe(await audienceCount('ALM-BOST', ['traffic']));
    const bad = await api(hr).get('/enrollments?status=late');
    expect(bad.status).toBe(422);
  });

  it('shows the officer their own enrolments with the localised course title, and no one else’s', async () => {
    const { courseId, lessonIds } = await createCourse(t, 'A-MINE', { validityMonths: 24 });
    const [me] = await t.sql<{ officer_id: string }>(`SELECT officer_id FROM user_account WHERE username = 'officer'`);
    await api(hr)
      .post('/enrollments')
      .send({ courseId, officerIds: [me.officer_id], dueInDays: 30 })
      .expect(201);
    const mine = await api(officer).get('/me/enrollments');
    expect(mine.status).toBe(200);
    const item = mine.body.items.find((e: { courseId: string }) => e.courseId === courseId);
    expect(item.courseTitle).toEqual({ kk: 'A-MINE (kk)', ru: 'A-MINE (ru)', en: 'A-MINE' });
    expect(item.dueAt).toBeTruthy();

    const all = await api(officer).get('/enrollments?limit=500');
    expect(all.body.items.every((e: { officerId: string }) => e.officerId === me.officer_id)).toBe(true);
    const [other] = await t.sql<{ id: string }>('SELECT id FROM enrollment WHERE officer_id <> $1 LIMIT 1', [
      me.officer_id,
    ]);
    expect((await api(officer).get(`/enrollments/${other.id}`)).status).toBe(404);

    // Starting pins the published version; reading every lesson completes a lessons-only course.
    const started = await api(officer).post(`/enrollments/${item.id}/start`);
    expect(started.body).toMatchObject({ status: 'in_progress' });
    expect(started.body.courseVersionId).toMatch(/^[0-9a-f-]{36}$/);
    await api(officer).post(`/enrollments/${item.id}/lessons/${lessonIds[0]}/read`).expect(200);
    const done = await api(officer).post(`/enrollments/${item.id}/lessons/${lessonIds[1]}/read`);
    expect(done.body.status).toBe('completed');
    const months =
      (new Date(done.body.expiresAt).getTime() - new Date(done.body.completedAt).getTime()) / (30.44 * 86400_000);
    expect(Math.round(months)).toBe(24);
    const unknown = await api(officer).post(`/enrollments/${item.id}/lessons/${courseId}/read`);
    expect(unknown.status).toBe(409); // completed: closed to further work
  });

  it('opens the next cycle when a completion expires, keeping the history', async () => {
    // The worker's first round catches up on the demo's own completions that ran out today.
    await t.app.get(MaterializerService).openExpiredCycles(new Date());
    const { courseId } = await createCourse(t, 'A-RECUR');
    const section = await unitId(t, 'ALM-MEDEU-UP');
    await api(hr)
      .post('/assignment-rules')
      .send({ courseId, audience: { unitIds: [section] }, dueInDays: 20, recurrenceMonths: 12 });
    const [first] = await t.sql<{ id: string; officer_id: string }>(
      `UPDATE enrollment SET status = 'completed', completed_at = now() - interval '13 months', expires_at = now() - interval '1 month'
       WHERE id = (SELECT id FROM enrollment WHERE course_id = $1 LIMIT 1) RETURNING id, officer_id`,
      [courseId],
    );
    const opened = await t.app.get(MaterializerService).openExpiredCycles(new Date());
    expect(opened).toBe(1);
    const cycles = await t.sql<{ cycle: number; status: string }>(
      'SELECT cycle, status FROM enrollment WHERE course_id = $1 AND officer_id = $2 ORDER BY cycle',
      [courseId, first.officer_id],
    );
    expect(cycles).toEqual([
      { cycle: 1, status: 'completed' },
      { cycle: 2, status: 'assigned' },
    ]);
    expect(await t.app.get(MaterializerService).openExpiredCycles(new Date())).toBe(0);
  });

  it('keeps a 24-month course valid 24 months under a 12-month rule, certificate too, and reopens only then', async () => {
    const { courseId, lessonIds } = await createCourse(t, 'A-VALID24', { validityMonths: 24 });
    const { courseId: ruled, lessonIds: ruledLessons } = await createCourse(t, 'A-VALID36', { validityMonths: 24 });
    const [me] = await t.sql<{ officer_id: string; unit_id: string }>(
      `SELECT a.officer_id, o.unit_id FROM user_account a JOIN officer o ON o.id = a.officer_id WHERE a.username = 'officer'`,
    );
    const rule = await api(hr)
      .post('/assignment-rules')
      .send({ courseId, audience: { unitIds: [me.unit_id] }, dueInDays: 20, recurrenceMonths: 12 });
    expect(rule.status).toBe(201);
    expect(rule.body.enrolled).toBeGreaterThan(0);
    const own = await api(hr)
      .post('/assignment-rules')
      .send({ courseId: ruled, audience: { unitIds: [me.unit_id] }, dueInDays: 20, validityMonths: 36 });
    expect(own.status).toBe(201);
    expect((await api(hr).get(`/assignment-rules?limit=100`)).body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: own.body.id, validityMonths: 36, recurrenceMonths: null }),
      ]),
    );

    const complete = async (course: string, lessons: string[]) => {
      const item = (await api(officer).get('/me/enrollments')).body.items.find(
        (e: { courseId: string }) => e.courseId === course,
      );
      await api(officer).post(`/enrollments/${item.id}/start`).expect(200);
      for (const lesson of lessons)
        await api(officer).post(`/enrollments/${item.id}/lessons/${lesson}/read`).expect(200);
      const done = (await api(officer).get(`/enrollments/${item.id}`)).body;
      expect(done.status).toBe('completed');
      const [{ months }] = await t.sql<{ months: number }>(
        `SELECT (extract(year FROM age(expires_at, completed_at)) * 12 + extract(month FROM age(expires_at, completed_at)))::int AS months
         FROM enrollment WHERE id = $1`,
        [item.id],
      );
      return { id: item.id as string, months };
    };
    const first = await complete(courseId, lessonIds);
    expect(first.months).toBe(24);
    expect((await complete(ruled, ruledLessons)).months).toBe(36);
    const [certificate] = await t.sql<{ same: boolean }>(
      `SELECT c.expires_at = e.expires_at AS same FROM certificate c JOIN enrollment e ON e.id = c.enrollment_id WHERE e.id = $1`,
      [first.id],
    );
    if (certificate) expect(certificate.same).toBe(true);

    // The rule's 12 months pass: nothing opens; the certificate's 24 months pass: the next cycle opens.
    const materializer = t.app.get(MaterializerService);
    const inMonths = (months: number) => new Date(Date.now() + months * 30.5 * 86_400_000);
    await materializer.openExpiredCycles(inMonths(13));
    const cyclesOf = () =>
      t.sql<{ cycle: number }>('SELECT cycle FROM enrollment WHERE course_id = $1 AND officer_id = $2 ORDER BY cycle', [
        courseId,
        me.officer_id,
      ]);
    expect(await cyclesOf()).toEqual([{ cycle: 1 }]);
    await materializer.openExpiredCycles(inMonths(25));
    expect(await cyclesOf()).toEqual([{ cycle: 1 }, { cycle: 2 }]);
  });

  it('keeps orders to their subtree: HR sees orders issued above and its own, changes only its own', async () => {
    const national = await api(admin)
      .post('/orders')
      .send({ number: 'MVD-81', date: '2026-01-02', title: 'National order', issuingAuthority: 'МВД РК' });
    expect(national.status).toBe(201);
    const astana = await api(hrAstana)
      .post('/orders')
      .send({ number: 'AST-5', date: '2026-03-01', title: 'Astana order' });
    const seen = await api(hr).get('/orders?limit=100');
    const numbers = seen.body.items.map((o: { number: string }) => o.number);
    expect(numbers).toContain('MVD-81');
    expect(numbers).not.toContain('AST-5');
    expect((await api(hr).get(`/orders/${astana.body.id}`)).status).toBe(404);
    expect((await api(hr).patch(`/orders/${national.body.id}`).send({ title: 'changed' })).status).toBe(404);
    const duplicate = await api(hr).post('/orders').send({ number: 'MVD-81', date: '2026-01-02', title: 'again' });
    expect(duplicate.status).toBe(409);
    const badDate = await api(hr).post('/orders').send({ number: 'X-1', date: '2026-02-30', title: 'bad' });
    expect(badDate.status).toBe(422);
  });
});
