import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { binary, pdfText } from '../support/pdf';
import { controllerRoutes, Method, NestRoute } from '../support/controller-routes';
import { apiAs } from '../support/api-client';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The access matrix, generated from the route list: every API route × seven
 * callers, each route's expected outcome written once below. The target of a
 * route (its path ids) is always something in Almaty (a unit, an officer, an
 * enrolment, a session...), so "in scope" and "out of scope" are HR of Almaty
 * and HR of Astana, and the national administrator and an administrator of
 * Astana only.
 *
 * An outcome is `P` when the caller gets past the access checks (2xx, or 400,
 * 409, 422: the request itself was then judged) and `-` when refused (401,
 * 403, 404). Write routes are sent without a body: for them the matrix checks
 * who may call them at all (validation comes before the scope check);
 * scope on writes is proven with real bodies in access.e2e-spec.ts.
 */
const CALLERS = ['anonymous', 'officer', 'trainer', 'hrIn', 'hrOut', 'adminIn', 'adminOut'] as const;
type Caller = (typeof CALLERS)[number];

/**
 * One line per route: the seven outcomes in the order of CALLERS
 * (anonymous, officer, trainer, HR in scope, HR out of scope, admin in scope, admin out of scope).
 */
const MATRIX: Record<string, string> = {
  // Routes of the reports' drill-down and verification, the programme's scenarios, drills and trainers, and
  // public trust: where all seven are '-' the matrix holds no id of such a record, so only refusals show.
  'GET /api/v1/complaints': '---PPPP', // 401 403 403 200 200 200 200
  'GET /api/v1/drill-assignments': '--PPPPP', // 401 403 200 200 200 200 200
  'GET /api/v1/drill-plans': '-PPPPPP', // 401 200 200 200 200 200 200
  'GET /api/v1/drill-plans/:id': '-------', // 401 404 404 404 404 404 404
  'GET /api/v1/drill-sessions': '--PPPPP', // 401 403 200 200 200 200 200
  'GET /api/v1/drill-sessions/:id': '-------', // 401 403 404 404 404 404 404
  'GET /api/v1/drills': '-PPPPPP', // 401 200 200 200 200 200 200
  'GET /api/v1/drills/:id': '-------', // 401 404 404 404 404 404 404
  'GET /api/v1/execution-reports/:id/verification': '--PP-P-', // 401 403 200 200 404 200 404
  'GET /api/v1/execution-reports/verify/:code': 'PPPPPPP', // 200 200 200 200 200 200 200
  'GET /api/v1/feedback/:code': '-------', // 404 404 404 404 404 404 404
  'GET /api/v1/officers/:id/feedback': '---P-P-', // 401 404 403 200 404 200 404
  'GET /api/v1/officers/:id/feedback-code': '---P-P-', // 401 404 403 200 404 200 404
  'GET /api/v1/programmes/:id/seminar-rule': '-PPPPPP', // 401 200 200 200 200 200 200
  'GET /api/v1/refresher-rules': '---PPPP', // 401 403 403 200 200 200 200
  'GET /api/v1/reports/compliance/officers': '--PPPPP', // 401 403 200 200 200 200 200
  'GET /api/v1/reports/drill-coverage': '--PPPPP', // 401 403 200 200 200 200 200
  'GET /api/v1/reports/scenarios': '--PPPPP', // 401 403 200 200 200 200 200
  'GET /api/v1/reports/trainers': '--PPPPP', // 401 403 200 200 200 200 200
  'GET /api/v1/reports/trust': '---PPPP', // 401 403 403 200 200 200 200
  'GET /api/v1/scenarios': '--PPPPP', // 401 403 200 200 200 200 200
  'GET /api/v1/scenarios/:id': '-------', // 401 403 404 404 404 404 404
  'GET /api/v1/surveys/:code': '-------', // 404 404 404 404 404 404 404
  'GET /api/v1/trainers': '--PPPPP', // 401 403 200 200 200 200 200
  'GET /api/v1/trainers/:userId': '-------', // 401 403 404 404 404 404 404
  'GET /api/v1/trust-surveys': '---PPPP', // 401 403 403 200 200 200 200
  'GET /api/v1/trust-surveys/:id/results': '-------', // 401 403 403 404 404 404 404
  'PUT /api/v1/programmes/:id/seminar-rule': '-----PP', // 401 403 403 403 403 422 422
  'PUT /api/v1/trainers/:userId/qualifications': '---PPPP', // 401 403 403 422 422 422 422
  'POST /api/v1/complaints': '---PPPP', // 401 403 403 422 422 422 422
  'POST /api/v1/complaints/import': '---PPPP', // 401 403 403 415 415 415 415
  'POST /api/v1/drill-assignments': '---PPPP', // 401 403 403 422 422 422 422
  'POST /api/v1/drill-sessions': '--PPPPP', // 401 403 422 422 422 422 422
  'POST /api/v1/feedback/:code': 'PPPPPPP', // 422 422 422 422 422 422 422
  'POST /api/v1/refresher-rules': '---PPPP', // 401 403 403 422 422 422 422
  'POST /api/v1/surveys/:code': 'PPPPPPP', // 422 422 422 422 422 422 422
  'POST /api/v1/trust-surveys': '---PPPP', // 401 403 403 422 422 422 422
  'POST /api/v1/trust-surveys/:id/close': '-------', // 401 403 403 404 404 404 404
  'DELETE /api/v1/drill-assignments/:id': '-------', // 401 403 403 404 404 404 404
  'DELETE /api/v1/refresher-rules/:id': '-------', // 401 403 403 404 404 404 404
  'GET /api/v1/assignment-rules': '--PPPPP',
  'GET /api/v1/assignment-rules/:id': '--PP-P-',
  'GET /api/v1/attachments/:id': '-------',
  'GET /api/v1/attempts/:id': '--PP-P-',
  'GET /api/v1/audit': '---PPPP',
  'GET /api/v1/calendar-feeds/:token/sessions.ics': '-------',
  'GET /api/v1/certificates': '-PPPPPP',
  'GET /api/v1/certificates/:id': '--PP-P-',
  'GET /api/v1/certificates/:id/pdf': '--PP-P-',
  'GET /api/v1/certificates/verify/:code': 'PPPPPPP',
  'GET /api/v1/course-versions/:id': '-PPPPPP',
  'GET /api/v1/course-versions/:id/question-stats': '-----P-', // 401 403 404 403 403 200 404: the matrix's trainer is no author of it
  'GET /api/v1/course-versions/:id/diff': '--P--PP',
  // Authoring a national course needs a national grant; the demo trainer is not its author (issue 14).
  'GET /api/v1/course-versions/:id/export': '-----P-',
  'GET /api/v1/courses': '-PPPPPP',
  'GET /api/v1/courses/:id': '-PPPPPP',
  'GET /api/v1/courses/:id/versions': '-PPPPPP',
  'GET /api/v1/enrollments': '-PPPPPP',
  'GET /api/v1/enrollments/:id': '--PP-P-',
  'GET /api/v1/enrollments/:id/attempts': '--PP-P-',
  'GET /api/v1/enrollments/:id/practical-assessments': '--PP-P-',
  'GET /api/v1/execution-reports/:id': '--PP-P-',
  'GET /api/v1/health': 'PPPPPPP',
  'GET /api/v1/jobs': '-----PP',
  'GET /api/v1/me': '-PPPPPP',
  'GET /api/v1/me/calendar-feeds': '-PPPPPP',
  'GET /api/v1/me/enrollments': '-P---PP',
  'GET /api/v1/me/notifications': '-PPPPPP',
  'GET /api/v1/me/notifications/unread-count': '-PPPPPP',
  'GET /api/v1/me/sessions': '-P---PP',
  'GET /api/v1/me/sessions.ics': '-P---PP',
  'GET /api/v1/notifications': '---PPPP',
  'GET /api/v1/officers': '-PPPPPP',
  'GET /api/v1/officers/:id': '--PP-P-',
  'GET /api/v1/orders': '--PPPPP',
  'GET /api/v1/orders/:id': '--PPPPP', // a national order: every HR sees it, and reports on it for their own subtree
  'GET /api/v1/orders/:id/execution-reports': '--PPPPP',
  'GET /api/v1/programmes': '-PPPPPP',
  'GET /api/v1/programmes/:id': '-PPPPPP',
  'GET /api/v1/reports/compliance': '--PPPPP',
  'GET /api/v1/reports/enrollments': '---PPPP',
  'GET /api/v1/reports/officers/:id/record': '--PP-P-',
  'GET /api/v1/reports/officers/:id/subject-access': '---P-P-',
  'GET /api/v1/role-policies': '-----PP',
  'GET /api/v1/sessions': '-PPPPPP',
  'GET /api/v1/sessions/:id': '-PPP-P-',
  'GET /api/v1/sessions/:id/calendar.ics': '-PPP-P-',
  'GET /api/v1/sessions/:id/roster.csv': '--PP-P-',
  'GET /api/v1/sessions/:id/roster.html': '--PP-P-',
  'GET /api/v1/units': '--PPPPP',
  'GET /api/v1/units/:id': '--PP-P-',
  'GET /api/v1/units/:id/subtree': '--PP-P-',
  'GET /api/v1/users': '-----PP',
  'GET /api/v1/users/:id': '-----P-',
  'PUT /api/v1/role-policies/:role': '-----PP',
  'PUT /api/v1/sessions/:id/attendance': '--PPPPP',
  'PUT /api/v1/users/:id/contact': '-----P-',
  'PATCH /api/v1/course-versions/:id': '-----P-',
  'PATCH /api/v1/courses/:id': '-----P-',
  'PATCH /api/v1/me/contact': '-PPPPPP',
  'PATCH /api/v1/officers/:id': '---P-P-',
  'PATCH /api/v1/orders/:id': '-----P-',
  'PATCH /api/v1/programmes/:id': '-----P-', // issue 14: the seeded programme has no owner: national admins author it
  'PATCH /api/v1/sessions/:id': '--PP-P-',
  'PATCH /api/v1/units/:id': '-----P-',
  'PATCH /api/v1/users/:id': '-----P-',
  'POST /api/v1/assignment-rules': '---PPPP',
  'POST /api/v1/assignment-rules/audience': '---PPPP',
  'POST /api/v1/assignment-rules/:id/materialize': '---P-P-',
  'POST /api/v1/attempts/:id/submit': '-P---PP',
  'POST /api/v1/auth/login': '-------',
  'POST /api/v1/auth/logout': '-PPPPPP',
  'POST /api/v1/course-versions/:id/publish': '-----P-',
  'POST /api/v1/courses': '--P--PP',
  'POST /api/v1/courses/:id/attachments': '-----P-',
  'POST /api/v1/courses/:id/grants': '--P--PP',
  'POST /api/v1/courses/:id/versions': '-----P-',
  'POST /api/v1/courses/import': '--P--PP',
  'POST /api/v1/enrollments': '---PPPP',
  'POST /api/v1/enrollments/:id/attempts': '-------',
  'POST /api/v1/enrollments/:id/exemption': '---PPPP',
  'POST /api/v1/enrollments/:id/lessons/:lessonId/read': '-------',
  'POST /api/v1/enrollments/:id/practical-assessments': '--P--PP',
  'POST /api/v1/enrollments/:id/start': '-------', // only the officer starts their enrolment (issue 14)
  'POST /api/v1/jobs/:id/retry': '-------',
  'POST /api/v1/me/calendar-feeds': '-PPPPPP',
  'POST /api/v1/me/notifications/:id/read': '-------',
  'POST /api/v1/me/password': '-PPPPPP',
  'POST /api/v1/me/totp': '-PPPPPP', // issue 14: enrolling a second factor is to need the password again
  'POST /api/v1/me/totp/confirm': '-PPPPPP',
  'POST /api/v1/officer-accounts': '---PPPP',
  'POST /api/v1/officers': '---PPPP',
  'POST /api/v1/officers/:id/account': '---P-P-',
  'POST /api/v1/officers/import': '---PPPP',
  'POST /api/v1/orders': '---PPPP',
  'POST /api/v1/orders/:id/execution-reports': '---PPPP',
  'POST /api/v1/programmes': '--P--PP',
  'POST /api/v1/programmes/:id/grants': '--P--PP',
  'POST /api/v1/sessions': '--PPPPP',
  'POST /api/v1/sessions/:id/bookings': '-P-----',
  'POST /api/v1/sessions/:id/cancel': '--PP-P-',
  'POST /api/v1/units': '-----PP',
  'POST /api/v1/users': '-----PP',
  'DELETE /api/v1/assignment-rules/:id': '---P-P-',
  'DELETE /api/v1/bookings/:id': '---P-P-',
  'DELETE /api/v1/courses/:id/grants/:userId': '-----PP',
  'DELETE /api/v1/programmes/:id/grants/:userId': '-----P-',
  'DELETE /api/v1/me/calendar-feeds/:id': '-------',
};

/** Refused callers go first, so a route that changes its target (a DELETE) changes it last. */
const ORDER: Caller[] = ['anonymous', 'officer', 'trainer', 'hrOut', 'adminOut', 'hrIn', 'adminIn'];
const METHOD_ORDER: Method[] = ['GET', 'PUT', 'PATCH', 'POST', 'DELETE'];

describe('the access matrix: every route × seven callers', () => {
  let t: TestApp;
  const tokens = {} as Record<Exclude<Caller, 'anonymous'>, string>;
  const login = {} as Record<Exclude<Caller, 'anonymous'>, [string, string?]>;
  const target = {} as Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = apiAs(t, await t.login('admin'));
    const [ast] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'AST'`);
    const created = await admin.post('/users', {
      username: 'admin.astana',
      password: 'Admin-astana-2026',
      roles: [{ role: 'admin', unitId: ast.id }],
      mustChangePassword: false,
    });
    expect(created.status).toBe(201);
    Object.assign(login, {
      officer: ['officer'],
      trainer: ['trainer'],
      hrIn: ['hr.almaty'],
      hrOut: ['hr.astana'],
      adminIn: ['admin'],
      adminOut: ['admin.astana', 'Admin-astana-2026'],
    });
    for (const [caller, [username, password]] of Object.entries(login))
      tokens[caller as keyof typeof tokens] = await t.login(username, password);

    const one = async (sql: string, params: unknown[] = []) => {
      const rows = await t.sql<{ id: string }>(sql, params);
      return rows[0]?.id ?? randomUUID();
    };
    const alm = `u.code LIKE 'ALM-%'`;
    const [self] = await t.sql<{ officer_id: string; id: string }>(
      `SELECT id, officer_id FROM user_account WHERE username = 'officer'`,
    );
    target.officerSelf = self.officer_id;
    target.unit = await one(`SELECT id FROM unit u WHERE code = 'ALM-BOST'`);
    target.officer = await one(
      `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id WHERE ${alm} AND o.id <> $1 ORDER BY o.personnel_number`,
      [self.officer_id],
    );
    // An account of Almaty (HR of Almaty's): administrators of Astana must not reach it.
    target.user = await one(`SELECT id FROM user_account WHERE username = 'hr.almaty'`);
    target.course = await one(
      `SELECT course_id AS id FROM course_version WHERE status = 'published' ORDER BY created_at`,
    );
    target.courseVersion = await one(`SELECT id FROM course_version WHERE course_id = $1 AND status = 'published'`, [
      target.course,
    ]);
    target.programme = await one(`SELECT id FROM programme ORDER BY code`);
    target.order = await one(`SELECT m.id FROM ministry_order m JOIN unit u ON u.id = m.unit_id ORDER BY m.created_at`);
    const rule = await apiAs(t, tokens.hrIn).post('/assignment-rules', {
      courseId: target.course,
      audience: { unitIds: [target.unit] },
      dueInDays: 45,
    });
    expect(rule.status).toBe(201);
    target.rule = rule.body.id as string;
    target.enrollment = await one(
      `SELECT e.id FROM enrollment e JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id
       WHERE ${alm} AND e.officer_id <> $1 AND e.status IN ('assigned', 'in_progress') ORDER BY e.id`,
      [self.officer_id],
    );
    target.ownEnrollment = await one(
      `SELECT id FROM enrollment WHERE officer_id = $1 AND status IN ('assigned', 'in_progress') ORDER BY id`,
      [self.officer_id],
    );
    target.session = await one(
      `SELECT s.id FROM seminar_session s JOIN unit u ON u.id = s.unit_id WHERE u.code LIKE 'ALM%' ORDER BY s.starts_at DESC`,
    );
    target.booking = await one(
      `SELECT b.id FROM seminar_booking b JOIN officer o ON o.id = b.officer_id JOIN unit u ON u.id = o.unit_id
       WHERE ${alm} AND b.officer_id <> $1 AND b.status IN ('booked', 'waitlisted') ORDER BY b.id`,
      [self.officer_id],
    );
    target.attempt = await one(
      `SELECT q.id FROM quiz_attempt q JOIN enrollment e ON e.id = q.enrollment_id JOIN officer o ON o.id = e.officer_id
       JOIN unit u ON u.id = o.unit_id WHERE ${alm} AND e.officer_id <> $1 ORDER BY q.id`,
      [self.officer_id],
    );
    target.certificate = await one(
      `SELECT c.id FROM certificate c JOIN officer o ON o.id = c.officer_id JOIN unit u ON u.id = o.unit_id
       WHERE ${alm} AND c.officer_id <> $1 ORDER BY c.id`,
      [self.officer_id],
    );
    const report = await apiAs(t, tokens.hrIn).post(`/orders/${target.order}/execution-reports`, {});
    expect(report.status).toBe(201);
    target.report = report.body.id as string;
    target.job = await one(`SELECT id FROM pgboss.job ORDER BY created_on LIMIT 1`).catch(() => randomUUID());
  }, 180_000);
  afterAll(() => t.close());

  /** The path with every parameter replaced by an Almaty target. */
  function concrete(route: NestRoute): string {
    const p = route.path;
    const id = (): string => {
      const s = p.replace('/api/v1/', '');
      if (/^me\//.test(s)) return randomUUID(); // the caller's own things: someone else's id is never theirs
      const rules: [RegExp, string][] = [
        [/^units/, 'unit'],
        [/^officers/, 'officer'],
        [/^users/, 'user'],
        [/^courses/, 'course'],
        [/^course-versions/, 'courseVersion'],
        [/^programmes/, 'programme'],
        [/^orders/, 'order'],
        [/^assignment-rules/, 'rule'],
        [/^enrollments/, 'enrollment'],
        [/^sessions/, 'session'],
        [/^bookings/, 'booking'],
        [/^attempts/, 'attempt'],
        [/^certificates/, 'certificate'],
        [/^execution-reports/, 'report'],
        [/^jobs/, 'job'],
        [/^reports\/officers/, 'officer'],
      ];
      const hit = rules.find(([re]) => re.test(s));
      return hit ? target[hit[1]] : randomUUID();
    };
    return p
      .replace(/:id\b/g, id())
      .replace(/:userId\b/g, target.user)
      .replace(/:lessonId\b/g, randomUUID())
      .replace(/:role\b/g, 'hr')
      .replace(/:code\b/g, 'NOSUCHCODE')
      .replace(/:token\b/g, 'x'.repeat(43));
  }

  async function send(route: NestRoute, caller: Caller): Promise<number> {
    const http = t.http();
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const path = concrete(route);
    const go = () => {
      let req = http[method](path);
      if (caller !== 'anonymous') req = req.set('Authorization', `Bearer ${tokens[caller]}`);
      return route.method === 'GET' || route.method === 'DELETE' ? req : req.send({});
    };
    let res = await go();
    if (res.status === 401 && caller !== 'anonymous') {
      // The route signed the caller out (POST /auth/logout): sign in again for the next routes.
      const [username, password] = login[caller];
      tokens[caller] = await t.login(username, password);
      if (route.path !== '/api/v1/auth/logout') res = await go();
    }
    return res.status;
  }

  const outcome = (status: number) => ([401, 403, 404].includes(status) ? '-' : 'P');

  it('gives each caller exactly the outcome written for each route', async () => {
    const routes = controllerRoutes(t)
      .filter((r) => !r.page)
      .sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method) || a.path.localeCompare(b.path));
    const observed: Record<string, string> = {};
    const statuses: Record<string, string> = {};
    let cases = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const got = {} as Record<Caller, number>;
      for (const caller of ORDER) {
        got[caller] = await send(route, caller);
        cases++;
      }
      observed[key] = CALLERS.map((c) => outcome(got[c])).join('');
      statuses[key] = CALLERS.map((c) => got[c]).join(' ');
    }
    const unexpectedSuccesses: string[] = [];
    const unexpectedRefusals: string[] = [];
    for (const [key, seen] of Object.entries(observed)) {
      const expected = MATRIX[key];
      if (!expected) continue;
      CALLERS.forEach((caller, i) => {
        if (expected[i] === '-' && seen[i] === 'P') unexpectedSuccesses.push(`${key} as ${caller}: ${statuses[key]}`);
        if (expected[i] === 'P' && seen[i] === '-') unexpectedRefusals.push(`${key} as ${caller}: ${statuses[key]}`);
      });
    }
    const missing = Object.keys(observed).filter((key) => !MATRIX[key]);
    process.stdout.write(
      `access matrix: ${routes.length} routes × ${CALLERS.length} callers = ${cases} cases; ` +
        `unexpected successes ${unexpectedSuccesses.length}, unexpected refusals ${unexpectedRefusals.length}\n`,
    );
    if (missing.length)
      process.stdout.write(
        missing.map((key) => `  '${key}': '${observed[key]}', // ${statuses[key]}`).join('\n') + '\n',
      );
    expect(missing).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !observed[key])).toEqual([]);
    expect(unexpectedSuccesses).toEqual([]);
    expect(unexpectedRefusals).toEqual([]);
  }, 300_000);

  it('puts in every export (CSV, XLSX, HTML, PDF) exactly the rows the same caller sees through the list routes', async () => {
    interface Row {
      unitId: string;
      unitCode: string;
      unitName: string;
      inAudience: number;
      completed: number;
    }
    let checked = 0;
    for (const caller of ['trainer', 'hrIn', 'hrOut', 'adminIn', 'adminOut'] as const) {
      const api = apiAs(t, tokens[caller]);
      const json = await api.get('/reports/compliance');
      expect(json.status).toBe(200);
      const rows = json.body.rows as Row[];
      // The report's units are units the caller sees through GET /units.
      const visible = new Set<string>();
      for (let offset = 0; ; offset += 100) {
        const page = await api.get(`/units?limit=100&offset=${offset}`);
        expect(page.status).toBe(200);
        for (const unit of page.body.items as { id: string }[]) visible.add(unit.id);
        if (offset + 100 >= page.body.total) break;
      }
      expect(rows.filter((r) => !visible.has(r.unitId)).map((r) => r.unitCode)).toEqual([]);
      const codes = rows.map((r) => r.unitCode);

      const csv = await api.get('/reports/compliance?format=csv');
      // Kazakh and Russian files are semicolon-separated, as Excel in those locales expects.
      const lines: string[][] = parse(csv.text.slice(1), { delimiter: [',', ';'] });
      expect(lines.slice(1, -1).map((l) => l[0])).toEqual(codes);
      expect(lines.slice(1, -1).map((l) => [Number(l[2]), Number(l[3])])).toEqual(
        rows.map((r) => [r.inAudience, r.completed]),
      );

      const xlsx = await api.get('/reports/compliance?format=xlsx').buffer(true).parse(binary);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
      const sheet = workbook.worksheets[0];
      const sheetCodes = Array.from({ length: sheet.rowCount - 2 }, (_, i) => sheet.getRow(i + 2).getCell(1).text);
      expect(sheetCodes).toEqual(codes);

      const html = await api.get('/reports/compliance?format=html');
      expect((html.text.match(/<tr/g) ?? []).length).toBe(rows.length + 2);
      for (const row of rows) expect(html.text).toContain(row.unitCode);

      const pdf = await api.get('/reports/compliance?format=pdf').buffer(true).parse(binary);
      const text = pdfText(pdf.body as Buffer, { layout: true });
      for (const row of rows) expect(text).toContain(row.unitCode);
      // No unit the caller cannot see appears in any of the files.
      const [{ hidden }] = await t.sql<{ hidden: string[] }>(
        'SELECT coalesce(array_agg(code), ARRAY[]::text[]) AS hidden FROM unit WHERE NOT (id = ANY($1::uuid[]))',
        [[...visible]],
      );
      const files = [csv.text, html.text, text, sheetCodes.join(' ')].join('\n');
      expect(hidden.filter((code) => new RegExp(`(^|[^A-Z-])${code}([^A-Z-]|$)`).test(files))).toEqual([]);
      checked += 4;
    }
    process.stdout.write(`exports: ${checked} files checked against the list routes, 0 extra or missing rows\n`);
  }, 180_000);
});
