import { apiAs } from '../support/api-client';
import { staffLogin } from '../support/assessment-fixtures';
import { unitId } from '../support/catalogue-fixtures';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

interface Drill {
  id: string;
  code: string;
  durationMinutes: number;
  discussionPoints: unknown[];
  rightConduct: unknown[];
}

describe('weekly service training: drills, their plan, who took part and coverage', () => {
  let t: TestApp;
  let admin: string;
  let hr: string;
  let hrAlmaty: string;
  let officer: string;
  let head: string;
  let otherHead: string;
  let plan: { id: string; weeks: { week: number; drill: Drill }[] };
  let district: string;
  let section: string;
  let sectionOfficers: string[];

  const api = (token?: string) => apiAs(t, token);
  /** The Monday of the current week (UTC), as a date. */
  const thisMonday = () => {
    const today = new Date();
    const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    return monday.toISOString().slice(0, 10);
  };
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

  beforeAll(async () => {
    t = await createTestApp();
    // Astana: the demo's own drills are Almaty's.
    [admin, hr, hrAlmaty, officer] = await Promise.all([
      t.login('admin'),
      t.login('hr.astana'),
      t.login('hr.almaty'),
      t.login('officer'),
    ]);
    // A unit head holds the trainer role for their unit: they run drills, not the programme's seminars.
    head = await staffLogin(t, admin, 'head.esil.up', 'trainer', 'AST-ESIL-UP');
    otherHead = await staffLogin(t, admin, 'head.alm', 'trainer', 'ALM');
    district = await unitId(t, 'AST-ESIL');
    section = await unitId(t, 'AST-ESIL-UP');
    sectionOfficers = (
      await t.sql<{ id: string }>(
        `SELECT id FROM officer WHERE unit_id = $1 AND status = 'active' ORDER BY personnel_number LIMIT 3`,
        [section],
      )
    ).map((o) => o.id);
    const plans = await api(officer).get('/drill-plans');
    plan = plans.body.items.find((p: { code: string }) => p.code === 'MVD-DRILLS-Q1');
  });
  afterAll(() => t.close());

  it('offers a quarter’s plan of short drills, one a week, to everyone', async () => {
    const drills = await api(officer).get('/drills?limit=100');
    expect(drills.status).toBe(200);
    expect(drills.body.total).toBeGreaterThanOrEqual(12);
    for (const drill of drills.body.items as Drill[]) {
      expect(drill.durationMinutes).toBeGreaterThanOrEqual(10);
      expect(drill.durationMinutes).toBeLessThanOrEqual(15);
      expect(drill.discussionPoints.length).toBeGreaterThanOrEqual(2);
      expect(drill.rightConduct.length).toBeGreaterThanOrEqual(2);
    }
    expect(plan.weeks.map((w) => w.week)).toEqual(plan.weeks.map((_w, i) => i + 1));
    expect(plan.weeks[0].drill.code).toBe('DRILL-01-OPENING');
    expect((await api(officer).get(`/drills/${plan.weeks[0].drill.id}`)).body.code).toBe('DRILL-01-OPENING');
    expectProblem(await api().get('/drills'), 401);
  });

  it('lets HR assign the plan to a unit from a Monday, within their units only', async () => {
    const startsOn = thisMonday();
    const tuesday = new Date(Date.parse(startsOn) + 86_400_000).toISOString().slice(0, 10);
    expectProblem(
      await api(hr).post('/drill-assignments', { planId: plan.id, unitId: district, startsOn: tuesday }),
      422,
      'invalid-drill-session',
    );
    expectProblem(await api(hrAlmaty).post('/drill-assignments', { planId: plan.id, unitId: district, startsOn }), 404);
    expectProblem(await api(head).post('/drill-assignments', { planId: plan.id, unitId: district, startsOn }), 403);
    const assigned = await api(hr).post('/drill-assignments', { planId: plan.id, unitId: district, startsOn });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({ planCode: 'MVD-DRILLS-Q1', unitId: district, startsOn });
    // The plan applies to the district's sections: the head of one sees this week's drill.
    const mine = await api(head).get(`/drill-assignments?unitId=${section}`);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0].currentDrill.code).toBe(plan.weeks[mine.body.items[0].currentWeek - 1].drill.code);
  });

  it('records a drill the unit head ran, with who took part, under the plan week it fell in', async () => {
    const drill = plan.weeks[0].drill;
    const held = await api(head).post('/drill-sessions', {
      unitId: section,
      drillId: drill.id,
      heldAt: hoursAgo(0.5),
      officerIds: sectionOfficers,
    });
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ unitId: section, participantCount: 3, leaderName: 'head.esil.up' });
    expect(held.body.drill.code).toBe('DRILL-01-OPENING');
    expect(held.body.assignmentId).not.toBeNull();
    expect(held.body.week).toBeGreaterThanOrEqual(1);
    expect((await api(hr).get(`/drill-sessions/${held.body.id}`)).body.participants).toHaveLength(3);
    expect((await api(hr).get(`/drill-sessions?unitId=${district}`)).body.total).toBe(1);
    expectProblem(await api(hrAlmaty).get(`/drill-sessions/${held.body.id}`), 404);
  });

  it('refuses officers from elsewhere, a time ahead, another unit’s head and officers, writing nothing', async () => {
    const drill = plan.weeks[1].drill;
    const [almaty] = await t.sql<{ id: string }>(
      `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id WHERE u.code LIKE 'ALM-%' AND o.status = 'active' LIMIT 1`,
    );
    const body = {
      unitId: section,
      drillId: drill.id,
      heldAt: hoursAgo(1),
      officerIds: [sectionOfficers[0], almaty.id],
    };
    const stranger = await api(head).post('/drill-sessions', body);
    expectProblem(stranger, 422, 'invalid-drill-session');
    expect(stranger.body.errors).toEqual([
      { field: 'officerIds[1]', message: `${almaty.id} is not an active officer of the unit` },
    ]);
    expectProblem(
      await api(head).post('/drill-sessions', { ...body, officerIds: sectionOfficers, heldAt: hoursAgo(-2) }),
      422,
    );
    expectProblem(await api(otherHead).post('/drill-sessions', { ...body, officerIds: sectionOfficers }), 404);
    expectProblem(await api(officer).post('/drill-sessions', { ...body, officerIds: sectionOfficers }), 403);
    expectProblem(
      await api(head).post('/drill-sessions', {
        ...body,
        officerIds: sectionOfficers,
        drillId: '00000000-0000-4000-8000-000000000000',
      }),
      404,
    );
    const [{ count }] = await t.sql<{ count: number }>(
      'SELECT count(*)::int AS count FROM drill_session WHERE unit_id = $1',
      [section],
    );
    expect(count).toBe(1);
  });

  it('shows HR the drill coverage per unit beside course compliance', async () => {
    const report = await api(hr).get(`/reports/drill-coverage?unitId=${district}`);
    expect(report.status).toBe(200);
    const up = report.body.rows.find((r: { unitCode: string }) => r.unitCode === 'AST-ESIL-UP');
    expect(up).toMatchObject({ participants: 3, sessions: 1, weeksWithDrill: 1, scope: 'subtree' });
    expect(up.officers).toBeGreaterThanOrEqual(3);
    expect(up.coveragePercent).toBe(Math.round((3 / up.officers) * 1000) / 10);
    expect(up.courseAudience).toBeGreaterThan(0);
    expect(typeof up.courseCompletionPercent).toBe('number');
    const others = report.body.rows.filter((r: { unitCode: string }) => r.unitCode !== 'AST-ESIL-UP');
    for (const row of others) expect(row).toMatchObject({ participants: 0, sessions: 0 });
    expect(report.body.total).toMatchObject({ participants: 3, sessions: 1, weeksWithDrill: 1 });
    expect(report.body.weeksInPeriod).toBe(13);

    expectProblem(await api(hrAlmaty).get(`/reports/drill-coverage?unitId=${district}`), 404);
    // The demo's Almaty sections have run the plan for some weeks.
    const almaty = await api(hrAlmaty).get('/reports/drill-coverage');
    expect(almaty.body.unit.code).toBe('ALM');
    expect(almaty.body.total.sessions).toBeGreaterThan(0);
    expect(almaty.body.total.weeksWithDrill).toBeGreaterThan(0);
    expect(almaty.body.total.coveragePercent).toBeGreaterThan(50);
    expectProblem(await api(officer).get('/reports/drill-coverage'), 403);
    expectProblem(await api(hr).get(`/reports/drill-coverage?from=${hoursAgo(1)}&to=${hoursAgo(2)}`), 422);
  });

  it('lets HR end an assignment: later drills count towards no plan', async () => {
    const [assignment] = (await api(hr).get(`/drill-assignments?unitId=${district}`)).body.items;
    expectProblem(await api(hrAlmaty).delete(`/drill-assignments/${assignment.id}`), 404);
    expect((await api(hr).delete(`/drill-assignments/${assignment.id}`)).status).toBe(204);
    expect((await api(hr).get(`/drill-assignments?unitId=${district}`)).body.total).toBe(0);
    const later = await api(head).post('/drill-sessions', {
      unitId: section,
      drillId: plan.weeks[0].drill.id,
      heldAt: hoursAgo(0.1),
      officerIds: sectionOfficers.slice(0, 1),
    });
    expect(later.body).toMatchObject({ assignmentId: null, week: null });
  });
});
