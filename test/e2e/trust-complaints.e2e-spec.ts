import { apiAs } from '../support/api-client';
import { officerOf } from '../support/assessment-fixtures';
import { createCourse } from '../support/catalogue-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const PRACTICAL_ONLY = { lessonsRead: false, quizPassed: false, practicalPassed: true, seminarAttended: false };

/** The complaints register: all-or-nothing import, scope, and the refresher a substantiated complaint assigns once. */
describe('trust: complaints and refreshers', () => {
  let t: TestApp;
  let hr: string;
  let hrAstana: string;
  let admin: string;
  let officer: string;
  let me: { id: string };
  let personnelNumber: string;
  let courseId: string;

  const upload = (token: string, csv: string) =>
    apiAs(t, token).post('/complaints/import').set('Content-Type', 'text/csv').send(csv);
  const refreshers = () =>
    t.sql<{ status: string; due_at: Date; assigned_at: Date }>(
      `SELECT status, due_at, assigned_at FROM enrollment WHERE officer_id = $1 AND course_id = $2`,
      [me.id, courseId],
    );

  beforeAll(async () => {
    t = await createTestApp();
    [hr, hrAstana, admin, officer] = await Promise.all([
      t.login('hr.almaty'),
      t.login('hr.astana'),
      t.login('admin'),
      t.login('officer'),
    ]);
    me = await officerOf(t, 'officer');
    [{ personnel_number: personnelNumber }] = await t.sql<{ personnel_number: string }>(
      'SELECT personnel_number FROM officer WHERE id = $1',
      [me.id],
    );
    courseId = (await createCourse(t, 'TRUST-REFRESH', { rubric: {}, completionRule: PRACTICAL_ONLY })).courseId;
    // The demo's own rule retired: these tests count what their rule assigns.
    for (const rule of (await apiAs(t, admin).get('/refresher-rules')).body as { id: string }[]) {
      await apiAs(t, admin).delete(`/refresher-rules/${rule.id}`).expect(204);
    }
  });
  afterAll(() => t?.close());

  it('shows the demo’s refresher (yesterday’s substantiated complaint) in Almaty’s compliance report', async () => {
    const demo = await t.sql<{ reason_detail: string }>(
      `SELECT reason_detail FROM enrollment WHERE reason = 'complaint-refresher'`,
    );
    expect(demo).toEqual([{ reason_detail: 'rudeness' }]);
    const report = await apiAs(t, hr).get('/reports/compliance').expect(200);
    expect(report.body.refresherTotal.inAudience).toBe(1);
  });

  it('lets only national HR or admin add refresher rules, for a published course', async () => {
    const rule = { category: 'rudeness', courseId, dueInDays: 30 };
    expect((await apiAs(t, hr).post('/refresher-rules', rule)).status).toBe(404);
    expect((await apiAs(t, officer).post('/refresher-rules', rule)).status).toBe(403);
    const created = await apiAs(t, admin).post('/refresher-rules', rule);
    expect(created.status).toBe(201);
    const again = await apiAs(t, admin).post('/refresher-rules', rule);
    expect(again.status).toBe(409);
    expect(again.body.type).toContain('refresher-rule-exists');
    const bad = await apiAs(t, admin).post('/refresher-rules', { ...rule, category: 'gossip', dueInDays: 0 });
    expect(bad.status).toBe(422);
    expect((await apiAs(t, hr).get('/refresher-rules')).body).toHaveLength(1);
  });

  it('writes nothing when one line of the register is bad, and names each bad line', async () => {
    const csv = [
      'number,date,unit_code,personnel_number,category,outcome',
      `R-1,2026-03-02,ALM,${personnelNumber},rudeness,substantiated`,
      'R-2,2026-13-01,ALM,,bribery,maybe',
      'R-3,2026-03-04,AST,,inaction,pending',
      'R-1,2026-03-05,ALM,NO-SUCH,corruption,pending',
    ].join('\n');
    const res = await upload(hr, csv);
    expect(res.status).toBe(422);
    expect(res.body.type).toContain('complaint-import-invalid');
    const errors = res.body.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`);
    expect(errors).toEqual(
      expect.arrayContaining(['3:date', '3:category', '3:outcome', '4:unit_code', '5:number', '5:personnel_number']),
    );
    expect(errors).not.toContain('2:unit_code');
    expect(await t.sql('SELECT * FROM complaint WHERE number LIKE $1', ['R-%'])).toEqual([]);
    expect(await refreshers()).toEqual([]);
    expect((await upload(hr, 'nothing,useful\n1,2')).status).toBe(422);
    expect(
      (await apiAs(t, hr).post('/complaints/import').set('Content-Type', 'application/json').send({})).status,
    ).toBe(415);
  });

  it('assigns the refresher exactly once for a substantiated complaint, however often it is imported', async () => {
    const csv = [
      'number;date;unit_code;personnel_number;category;outcome',
      `R-10;2026-03-02;ALM;${personnelNumber};rudeness;substantiated`,
      `R-11;2026-03-03;ALM;${personnelNumber};corruption;substantiated`,
      `R-12;2026-03-04;ALM;${personnelNumber};rudeness;unsubstantiated`,
      'R-13;2026-03-05;ALM;;inaction;pending',
    ].join('\n');
    const first = await upload(hr, csv);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 4, updated: 0, refreshersAssigned: 1, errors: [] });
    const [enrolment] = await refreshers();
    expect(enrolment.status).toBe('assigned');
    const days = (enrolment.due_at.getTime() - enrolment.assigned_at.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(30);

    const second = await upload(hr, csv);
    expect(second.body).toEqual({ created: 0, updated: 4, refreshersAssigned: 0, errors: [] });
    expect(await refreshers()).toHaveLength(1);
    const applied = await t.sql<{ enrolled: boolean }>(
      `SELECT cr.enrolled FROM complaint_refresher cr JOIN complaint c ON c.id = cr.complaint_id WHERE c.number = 'R-10'`,
    );
    expect(applied).toEqual([{ enrolled: true }]);
  });

  it('lists the register within HR’s subtree only, and refuses another region’s units', async () => {
    const mine = await apiAs(t, hr).get('/complaints?category=rudeness').expect(200);
    expect(mine.body.items.map((c: { number: string }) => c.number)).toEqual(expect.arrayContaining(['R-10', 'R-12']));
    const theirs = await apiAs(t, hrAstana).get('/complaints').expect(200);
    expect(theirs.body.items.map((c: { number: string }) => c.number)).not.toContain('R-10');
    const foreign = await upload(hrAstana, `date,unit_code,category,outcome\n2026-03-02,ALM,rudeness,pending`);
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0]).toMatchObject({ line: 2, field: 'unit_code' });
    await apiAs(t, officer).get('/complaints').expect(403);
  });

  it('shows the refresher in the compliance report as its own reason, apart from ordinary assignments', async () => {
    const [{ id: almaty }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM'`);
    const report = await apiAs(t, hr).get(`/reports/compliance?unitId=${almaty}&courseId=${courseId}`).expect(200);
    expect(report.body.total.inAudience).toBe(0);
    expect(report.body.refresherTotal).toMatchObject({ inAudience: 1, notStarted: 1, completed: 0 });
    const row = report.body.rows.find((r: { refresher: { inAudience: number } }) => r.refresher.inAudience === 1);
    expect(row.refresherOfficersPath).toContain('reason=complaint-refresher');
    const drill = await apiAs(t, hr).get(row.refresherOfficersPath).expect(200);
    expect(drill.body.items).toHaveLength(1);
    expect(drill.body.items[0].officerId).toBe(me.id);
    expect(drill.body.items[0].courses[0]).toMatchObject({
      reason: 'complaint-refresher',
      reasonDetail: 'rudeness',
      state: 'notStarted',
    });
    const ordinary = await apiAs(t, hr).get(row.officersPath).expect(200);
    expect(ordinary.body.items).toEqual([]);
    const csv = await apiAs(t, hr).get(`${row.refresherOfficersPath}&format=csv&lang=en`).expect(200);
    expect(csv.text).toContain('Refreshers after complaints: rudeness');
    const mine = await apiAs(t, officer).get('/me/enrollments').expect(200);
    expect(mine.body.items.find((e: { courseId: string }) => e.courseId === courseId)).toMatchObject({
      reason: 'complaint-refresher',
      reasonDetail: 'rudeness',
    });
  });

  it('records one complaint through the API like a line of the register, all or nothing', async () => {
    const [other] = await t.sql<{ id: string; personnel_number: string }>(
      `SELECT o.id, o.personnel_number FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE u.code LIKE 'ALM%' AND o.status = 'active' AND o.id <> $1 ORDER BY o.personnel_number LIMIT 1`,
      [me.id],
    );
    const one = { number: 'R-20', date: '2026-03-09', unitCode: 'ALM', category: 'rudeness', outcome: 'substantiated' };
    const foreign = await apiAs(t, hrAstana).post('/complaints', { ...one, personnelNumber: other.personnel_number });
    expect(foreign.status).toBe(422);
    expect(foreign.body.type).toContain('complaint-invalid');
    expect(foreign.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['personnelNumber', 'unitCode']);
    const bad = await apiAs(t, hr).post('/complaints', { ...one, date: '2026-02-30', category: 'gossip', extra: 1 });
    expect(bad.status).toBe(422);
    expect(await t.sql(`SELECT 1 FROM complaint WHERE number = 'R-20'`)).toEqual([]);
    await apiAs(t, officer).post('/complaints', one).expect(403);

    const created = await apiAs(t, hr).post('/complaints', { ...one, personnelNumber: other.personnel_number });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 'R-20',
      receivedOn: '2026-03-09',
      unitCode: 'ALM',
      officerId: other.id,
      created: true,
      refreshersAssigned: 1,
    });
    const again = await apiAs(t, hr).post('/complaints', { ...one, personnelNumber: other.personnel_number });
    expect(again.body).toMatchObject({ created: false, refreshersAssigned: 0 });
    const enrolments = await t.sql(`SELECT 1 FROM enrollment WHERE officer_id = $1 AND course_id = $2`, [
      other.id,
      courseId,
    ]);
    expect(enrolments).toHaveLength(1);
  });
});
