import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { apiAs } from '../support/api-client';
import { createCourse, unitId } from '../support/catalogue-fixtures';
import { binary, pdfText } from '../support/pdf';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

const DAY = 86_400_000;

/** Canonical JSON written here from RFC 8785, independently of the library: sorted keys, no spaces. */
const canonical = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const object = value as Record<string, unknown>;
  return `{${Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(object[key])}`)
    .join(',')}}`;
};
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface Counts {
  inAudience: number;
  completed: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  exempted: number;
  completionPercent: number | null;
}
interface Row extends Counts {
  unitId: string;
  unitCode: string;
  unitName: string;
  unitNames?: { kk?: string; ru?: string; en?: string };
  scope: 'subtree' | 'own';
  officersPath: string;
  refresher: Counts;
  refresherOfficersPath: string;
}

const percent = (completed: number, audience: number, exempted: number) =>
  audience - exempted > 0 ? Math.round((completed * 1000) / (audience - exempted)) / 10 : null;
const counts = (c: Omit<Counts, 'completionPercent'>): Counts => ({
  ...c,
  completionPercent: percent(c.completed, c.inAudience, c.exempted),
});

describe('reports', () => {
  let t: TestApp;
  const api = (token: string) => apiAs(t, token);
  let hr: string;
  let hrAstana: string;
  let admin: string;
  let trainer: string;
  let officer: string;
  let courseA: string;
  let courseB: string;
  let orderId: string;
  let alm: string;
  /** Active officers per ALM district: whom the rules enrol. */
  const active: Record<string, number> = {};
  const get = (token: string, path: string) => api(token).get(`${path}`);
  const compliance = async (token: string, query: string) => {
    const res = await get(token, `/reports/compliance?${query}`);
    expect(res.status).toBe(200);
    return res.body as {
      asOf: string;
      unit: { code: string };
      filters: Record<string, unknown>;
      rows: Row[];
      total: Counts;
      refresherTotal: Counts;
    };
  };
  const byCode = (rows: Row[]) => Object.fromEntries(rows.map((row) => [row.unitCode, row]));

  /** Course A's enrolments in a district, by personnel number: the ones the scenario changes. */
  const enrolmentsIn = async (district: string) =>
    (
      await t.sql<{ id: string }>(
        `SELECT e.id FROM enrollment e JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id
         WHERE e.course_id = $1 AND u.path LIKE (SELECT path FROM unit WHERE code = $2) || '%' ORDER BY o.personnel_number`,
        [courseA, district],
      )
    ).map((row) => row.id);
  const setEnrolments = (ids: string[], set: string) =>
    t.sql(`UPDATE enrollment SET ${set}, updated_at = now() WHERE id = ANY($1::uuid[])`, [ids]);

  beforeAll(async () => {
    t = await createTestApp();
    [hr, hrAstana, admin, trainer, officer] = await Promise.all(
      ['hr.almaty', 'hr.astana', 'admin', 'trainer', 'officer'].map((name) => t.login(name)),
    );
    alm = await unitId(t, 'ALM');
    // An empty child unit whose name would be markup if it were not escaped.
    const unit = await api(admin)
      .post('/units')
      .send({ code: 'ALM-ZZ-EMPTY', name: 'Zz <b>empty</b> & "new"', parentId: alm });
    expect(unit.status).toBe(201);

    courseA = (await createCourse(t, 'R-CONFLICT')).courseId;
    courseB = (await createCourse(t, 'R-ETHICS')).courseId;
    const order = await api(hr)
      .post('/orders')
      .send({
        number: 'ALM-R/1',
        date: '2026-01-15',
        title: 'Приказ о коммуникативной подготовке',
        courseIds: [courseA],
      });
    expect(order.status).toBe(201);
    orderId = order.body.id;
    const ruleA = await api(hr)
      .post('/assignment-rules')
      .send({ courseId: courseA, orderId, audience: { unitIds: [alm] }, dueInDays: 30 });
    expect(ruleA.status).toBe(201);
    const ruleB = await api(hr)
      .post('/assignment-rules')
      .send({ courseId: courseB, audience: { unitIds: [await unitId(t, 'ALM-BOST')] }, dueInDays: 30 });
    expect(ruleB.status).toBe(201);

    for (const row of await t.sql<{ code: string; n: number }>(
      `SELECT d.code, count(o.id)::int AS n FROM unit d
       LEFT JOIN unit u ON u.path LIKE d.path || '%' LEFT JOIN officer o ON o.unit_id = u.id AND o.status = 'active'
       WHERE d.parent_id = $1 GROUP BY d.code`,
      [alm],
    ))
      active[row.code] = row.n;
    expect(ruleA.body.enrolled).toBe(Object.values(active).reduce((a, b) => a + b, 0));
    expect(ruleB.body.enrolled).toBe(active['ALM-BOST']);

    // A timeline: everything assigned 60 days ago and due in 30 days; then, in Bostandyq, 3 completed
    // 10 days ago (started 40 days ago), 2 started 5 days ago, 2 overdue since yesterday, 1 exempted
    // 3 days ago, 1 withdrawn 2 days ago; in Auezov 2 completed yesterday (started 15 days ago) and
    // 1 started 5 days ago but overdue.
    await t.sql(
      `UPDATE enrollment SET assigned_at = now() - interval '60 days', due_at = now() + interval '30 days' WHERE course_id = ANY($1::uuid[])`,
      [[courseA, courseB]],
    );
    const bost = await enrolmentsIn('ALM-BOST');
    await setEnrolments(
      bost.slice(0, 3),
      `status = 'completed', started_at = now() - interval '40 days', completed_at = now() - interval '10 days'`,
    );
    await setEnrolments(bost.slice(3, 5), `status = 'in_progress', started_at = now() - interval '5 days'`);
    await setEnrolments(bost.slice(5, 7), `due_at = now() - interval '1 day'`);
    await setEnrolments(
      bost.slice(7, 8),
      `status = 'exempted', closed_at = now() - interval '3 days', closed_reason = 'Academy course'`,
    );
    await setEnrolments(
      bost.slice(8, 9),
      `status = 'withdrawn', closed_at = now() - interval '2 days', closed_reason = 'transferred'`,
    );
    const auez = await enrolmentsIn('ALM-AUEZ');
    await setEnrolments(
      auez.slice(0, 2),
      `status = 'completed', started_at = now() - interval '15 days', completed_at = now() - interval '1 day'`,
    );
    await setEnrolments(
      auez.slice(2, 3),
      `status = 'in_progress', started_at = now() - interval '5 days', due_at = now() - interval '1 hour'`,
    );
  });
  afterAll(() => t.close());

  describe('compliance', () => {
    it('counts each district of Almaty exactly for the order, with a total', async () => {
      const report = await compliance(hr, `orderId=${orderId}`);
      expect(report.unit.code).toBe('ALM');
      expect(report.filters).toMatchObject({
        orderId,
        courseId: null,
        order: { number: 'ALM-R/1', courseIds: [courseA] },
      });
      const rows = byCode(report.rows);
      expect(Object.keys(rows).sort()).toEqual([
        'ALM-ALMALY',
        'ALM-AUEZ',
        'ALM-BOST',
        'ALM-MEDEU',
        'ALM-TURK',
        'ALM-ZZ-EMPTY',
      ]);
      const bostAudience = active['ALM-BOST'] - 1;
      expect(rows['ALM-BOST']).toMatchObject({
        scope: 'subtree',
        ...counts({
          inAudience: bostAudience,
          completed: 3,
          inProgress: 2,
          overdue: 2,
          exempted: 1,
          notStarted: bostAudience - 8,
        }),
      });
      expect(rows['ALM-AUEZ']).toMatchObject(
        counts({
          inAudience: active['ALM-AUEZ'],
          completed: 2,
          inProgress: 0,
          overdue: 1,
          exempted: 0,
          notStarted: active['ALM-AUEZ'] - 3,
        }),
      );
      expect(rows['ALM-MEDEU']).toMatchObject(
        counts({
          inAudience: active['ALM-MEDEU'],
          completed: 0,
          inProgress: 0,
          overdue: 0,
          exempted: 0,
          notStarted: active['ALM-MEDEU'],
        }),
      );
      expect(rows['ALM-ZZ-EMPTY']).toMatchObject({ inAudience: 0, completed: 0, completionPercent: null });
      const audience = Object.values(active).reduce((a, b) => a + b, 0) - 1;
      expect(report.total).toEqual(
        counts({
          inAudience: audience,
          completed: 5,
          inProgress: 2,
          overdue: 3,
          exempted: 1,
          notStarted: audience - 11,
        }),
      );
      expect(report.total.completionPercent).toBe(Math.round((5 * 1000) / (audience - 1)) / 10);
    });

    it('evaluates the state at a past moment from the enrolment timestamps', async () => {
      const asOf = new Date(Date.now() - 20 * DAY).toISOString();
      const report = await compliance(hr, `courseId=${courseA}&asOf=${encodeURIComponent(asOf)}`);
      expect(report.asOf).toBe(asOf);
      // 20 days ago: the later completions were in progress, the rest not started, nobody exempted,
      // withdrawn or overdue yet.
      expect(byCode(report.rows)['ALM-BOST']).toMatchObject(
        counts({
          inAudience: active['ALM-BOST'],
          completed: 0,
          inProgress: 3,
          overdue: 0,
          exempted: 0,
          notStarted: active['ALM-BOST'] - 3,
        }),
      );
      expect(byCode(report.rows)['ALM-AUEZ']).toMatchObject({ completed: 0, inProgress: 0, overdue: 0 });
      // A calendar day means the end of that day in Almaty: 30 days ago gives the same picture.
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date(Date.now() - 30 * DAY));
      const byDay = await compliance(hr, `courseId=${courseA}&asOf=${day}`);
      expect(byDay.total).toEqual(report.total);
      // Before anything was assigned, nobody is in the audience of either course.
      for (const course of [courseA, courseB]) {
        const before = await compliance(hr, `courseId=${course}&asOf=${new Date(Date.now() - 70 * DAY).toISOString()}`);
        expect(before.total).toEqual(
          counts({ inAudience: 0, completed: 0, inProgress: 0, overdue: 0, exempted: 0, notStarted: 0 }),
        );
      }
    });

    it('counts an officer as completed only when nothing in scope is left open', async () => {
      // Both courses (an order requiring them: the demo's programme stays out of scope). Bostandyq also
      // has course B, open for everyone there.
      const both = await api(hr)
        .post('/orders')
        .send({ number: 'ALM-R/2', date: '2026-01-20', title: 'Both courses', courseIds: [courseA, courseB] });
      expect(both.status).toBe(201);
      const all = byCode((await compliance(hr, `orderId=${both.body.id}`)).rows);
      expect(all['ALM-BOST']).toMatchObject(
        counts({
          inAudience: active['ALM-BOST'],
          completed: 0,
          inProgress: 2,
          overdue: 2,
          exempted: 0,
          notStarted: active['ALM-BOST'] - 4,
        }),
      );
      const onlyB = await compliance(hr, `courseId=${courseB}`);
      expect(onlyB.filters.course).toMatchObject({ id: courseB, code: 'R-ETHICS', title: { kk: 'R-ETHICS (kk)' } });
      expect(onlyB.total).toMatchObject({ inAudience: active['ALM-BOST'], notStarted: active['ALM-BOST'] });
    });

    it('reports a district by its sections and a section by its own staff, with the same totals', async () => {
      const alm = byCode((await compliance(hr, `courseId=${courseA}`)).rows);
      const district = await compliance(hr, `courseId=${courseA}&unitId=${await unitId(t, 'ALM-BOST')}`);
      expect(district.rows.map((row) => row.unitCode).sort()).toEqual([
        'ALM-BOST-IDN',
        'ALM-BOST-JP',
        'ALM-BOST-PPS',
        'ALM-BOST-UP',
      ]);
      const {
        unitId: _u,
        unitCode: _c,
        unitName: _n,
        unitNames: _ns,
        scope: _s,
        officersPath: _p,
        refresher,
        refresherOfficersPath: _r,
        ...bostCounts
      } = alm['ALM-BOST'];
      expect(district.total).toEqual(bostCounts);
      expect(district.refresherTotal).toEqual(refresher);
      const sum = (key: keyof Counts) => district.rows.reduce((n, row) => n + (row[key] as number), 0);
      expect(sum('inAudience')).toBe(district.total.inAudience);
      expect(sum('completed')).toBe(district.total.completed);

      const pps = byCode(district.rows)['ALM-BOST-PPS'];
      const section = await compliance(hr, `courseId=${courseA}&unitId=${pps.unitId}`);
      expect(section.rows).toHaveLength(1);
      expect(section.rows[0]).toMatchObject({ unitCode: 'ALM-BOST-PPS', scope: 'own', inAudience: pps.inAudience });
      expect(section.total.inAudience).toBe(pps.inAudience);
    });

    it('gives admins and trainers the whole ministry by region', async () => {
      const national = await compliance(admin, `courseId=${courseA}`);
      expect(national.unit.code).toBe('MVD');
      const rows = byCode(national.rows);
      expect(Object.keys(rows).sort()).toEqual(['ALM', 'AST', 'KRG', 'SHY']);
      const almReport = await compliance(hr, `courseId=${courseA}`);
      expect(national.total).toEqual(almReport.total);
      expect(rows['AST'].inAudience).toBe(0);
      expect((await compliance(trainer, `courseId=${courseA}`)).total).toEqual(almReport.total);
    });

    it('keeps HR to its subtree and officers out', async () => {
      const ast = await get(hr, `/reports/compliance?unitId=${await unitId(t, 'AST')}`);
      expect(ast.status).toBe(404);
      expect(ast.headers['content-type']).toMatch(/problem\+json/);
      expect((await get(hrAstana, `/reports/compliance?orderId=${orderId}`)).status).toBe(404);
      const own = await compliance(hrAstana, '');
      expect(own.unit.code).toBe('AST');
      expect((await get(officer, '/reports/compliance')).status).toBe(403);
    });

    it('refuses bad parameters with 422 and the field', async () => {
      for (const query of ['format=docx', 'asOf=yesterday', 'asOf=2026-01-01T10:00', 'unitId=nope', 'extra=1']) {
        const res = await get(hr, `/reports/compliance?${query}`);
        expect(`${query} ${res.status}`).toBe(`${query} 422`);
      }
      const future = await get(hr, `/reports/compliance?asOf=${new Date(Date.now() + 2 * DAY).toISOString()}`);
      expectProblem(future, 422, 'as-of-in-future');
    });
  });

  describe('files', () => {
    let json: { rows: Row[]; total: Counts };
    beforeAll(async () => {
      json = await compliance(hr, `orderId=${orderId}`);
    });

    it('exports CSV with a byte-order mark, a header and one line per unit and the total', async () => {
      const res = await get(hr, `/reports/compliance?orderId=${orderId}&format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="compliance-ALM-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      expect(res.text.charCodeAt(0)).toBe(0xfeff);
      // Russian Excel opens it in columns: semicolons, a decimal comma.
      const lines: string[][] = parse(res.text.slice(1), { delimiter: ';' });
      expect(lines[0]).toEqual([
        'Код',
        'Подразделение',
        'Охвачено',
        'Завершили',
        'Проходят',
        'Не приступили',
        'Просрочили',
        'Освобождены',
        'Выполнение, %',
        'Повторное обучение по жалобам',
        'из них не завершено',
      ]);
      expect(lines).toHaveLength(json.rows.length + 2);
      const bost = lines.find((line) => line[0] === 'ALM-BOST')!;
      const row = byCode(json.rows)['ALM-BOST'];
      // Units are named in the file's language (Russian by default).
      expect(bost[1]).toBe(row.unitNames?.ru ?? row.unitName);
      expect(bost.slice(2).map((cell) => Number(cell.replace(',', '.')))).toEqual([
        row.inAudience,
        row.completed,
        row.inProgress,
        row.notStarted,
        row.overdue,
        row.exempted,
        row.completionPercent,
        row.refresher.inAudience,
        row.refresher.inProgress + row.refresher.notStarted + row.refresher.overdue,
      ]);
      expect(lines.at(-1)!.slice(1, 4)).toEqual(['Итого', String(json.total.inAudience), '5']);
    });

    it('streams an XLSX workbook that opens, with a bold header row and the rows', async () => {
      const res = await get(hr, `/reports/compliance?orderId=${orderId}&format=xlsx&lang=kk`)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toMatch(/\.xlsx"/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
      const sheet = workbook.worksheets[0];
      expect(sheet.getRow(1).getCell(2).value).toBe('Бөлімше');
      expect(sheet.getRow(1).font?.bold ?? sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.getColumn(2).width).toBeGreaterThan(20);
      expect(sheet.rowCount).toBe(json.rows.length + 2);
      const values = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
      const bost = values.find((row) => row.getCell(1).value === 'ALM-BOST')!;
      expect(bost.getCell(3).value).toBe(byCode(json.rows)['ALM-BOST'].inAudience);
      expect(values.at(-1)!.getCell(2).value).toBe('Барлығы');
      expect(values.at(-1)!.getCell(3).value).toBe(json.total.inAudience);
    });

    it('renders a printable HTML page with the unit names, escaped', async () => {
      const res = await get(hr, `/reports/compliance?orderId=${orderId}&format=html`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^inline; /);
      expect(res.text).toMatch(/^<!doctype html>/);
      for (const row of json.rows.filter((r) => r.unitCode !== 'ALM-ZZ-EMPTY'))
        expect(res.text).toContain(row.unitNames?.ru ?? row.unitName);
      expect(res.text).toContain('Zz &lt;b&gt;empty&lt;/b&gt; &amp; &quot;new&quot;');
      expect(res.text).not.toContain('<b>empty</b>');
      expect(res.text).toContain('@page');
    });

    it('draws a PDF with the unit names', async () => {
      const res = await get(hr, `/reports/compliance?orderId=${orderId}&format=pdf`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
      const text = pdfText(pdf, { layout: true });
      expect(text).toContain('Бостандыкского');
      expect(text).toContain('Ауэзовского');
      // Dates as the ministry writes them: the order of 15.01.2026, the moment as 30.11.2026 18:05.
      expect(text).toContain('15.01.2026');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      mkdirSync('test/artifacts/ru', { recursive: true });
      writeFileSync('test/artifacts/ru/compliance.pdf', pdf);
    });
  });

  describe('drill-down to the officers behind a figure', () => {
    interface Outcome {
      personnelNumber: string;
      fullName: string;
      unit: { code: string };
      state: string;
      courses: { courseId: string; state: string; dueAt: string | null; exemptionReason: string | null }[];
    }
    const officersBehind = async (token: string, query: string) => {
      const res = await get(token, `/reports/compliance/officers?${query}`);
      expect(res.status).toBe(200);
      return res.body as { items: Outcome[]; total: number; limit: number; offset: number };
    };

    it('lists exactly the officers counted in each figure of a district, and links every row to them', async () => {
      const report = await compliance(hr, `orderId=${orderId}`);
      const bost = byCode(report.rows)['ALM-BOST'];
      expect(bost.officersPath).toContain(`unitId=${bost.unitId}`);
      expect(bost.officersPath).toContain(`orderId=${orderId}`);
      const states = ['completed', 'inProgress', 'notStarted', 'overdue', 'exempted'] as const;
      for (const state of states) {
        const page = await officersBehind(hr, `${bost.officersPath.split('?')[1]}&status=${state}&limit=500`);
        expect(page.total).toBe(bost[state]);
        expect(page.items).toHaveLength(bost[state]);
        expect(page.items.every((item) => item.state === state)).toBe(true);
      }
      const overdue = await officersBehind(hr, `unitId=${bost.unitId}&orderId=${orderId}&status=overdue`);
      expect(overdue.items.map((item) => item.courses[0].state)).toEqual(['overdue', 'overdue']);
      const exempted = await officersBehind(hr, `unitId=${bost.unitId}&orderId=${orderId}&status=exempted`);
      expect(exempted.items[0].courses[0].exemptionReason).toBe('Academy course');
      const everyone = await officersBehind(hr, `unitId=${bost.unitId}&orderId=${orderId}&limit=2&offset=1`);
      expect(everyone).toMatchObject({ total: bost.inAudience, limit: 2, offset: 1 });
      expect(everyone.items).toHaveLength(2);
    });

    it('gives every officer of a page their own courses, as in the whole list', async () => {
      const bost = await unitId(t, 'ALM-BOST');
      const query = `unitId=${bost}&orderId=${orderId}`;
      const all = await officersBehind(hr, `${query}&limit=500`);
      expect(all.items.length).toBeGreaterThan(2);
      for (const officer of all.items) {
        const enrolled = await t.sql<{ course_id: string }>(
          `SELECT e.course_id FROM enrollment e JOIN officer o ON o.id = e.officer_id WHERE o.personnel_number = $1`,
          [officer.personnelNumber],
        );
        expect(officer.courses.length).toBeGreaterThan(0);
        for (const course of officer.courses) {
          expect(enrolled.map((row) => row.course_id)).toContain(course.courseId);
        }
      }
      for (let offset = 0; offset < all.total; offset += 2) {
        const page = await officersBehind(hr, `${query}&limit=2&offset=${offset}`);
        expect(page.items).toEqual(all.items.slice(offset, offset + 2));
      }
    });

    it('exports every officer of the figure as CSV and XLSX', async () => {
      const bost = await unitId(t, 'ALM-BOST');
      const csv = await get(
        hr,
        `/reports/compliance/officers?unitId=${bost}&orderId=${orderId}&status=overdue&format=csv`,
      );
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines: string[][] = parse(csv.text.slice(1), { delimiter: ';' });
      expect(lines).toHaveLength(3);
      expect(lines[0][1]).toBe('ФИО');
      expect(lines.slice(1).every((line) => line[6] === 'просрочено')).toBe(true);
      const xlsx = await get(hr, `/reports/compliance/officers?unitId=${bost}&orderId=${orderId}&format=xlsx&lang=kk`)
        .buffer(true)
        .parse(binary);
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body);
      expect(workbook.worksheets[0].getRow(1).getCell(2).value).toBe('Аты-жөні');
    });

    it('keeps HR to its subtree (404) and refuses an unknown status or a future moment (422)', async () => {
      const bost = await unitId(t, 'ALM-BOST');
      expect((await get(hrAstana, `/reports/compliance/officers?unitId=${bost}`)).status).toBe(404);
      expect((await get(officer, `/reports/compliance/officers?unitId=${bost}`)).status).toBe(403);
      expectProblem(await get(hr, `/reports/compliance/officers?unitId=${bost}&status=late`), 422);
      const future = new Date(Date.now() + 10 * DAY).toISOString();
      expectProblem(await get(hr, `/reports/compliance/officers?unitId=${bost}&asOf=${future}`), 422);
      expect((await get(trainer, `/reports/compliance/officers?unitId=${bost}&status=overdue`)).status).toBe(200);
    });
  });

  describe('officer record', () => {
    let own: string;
    beforeAll(async () => {
      own = (await get(officer, '/me')).body.officer.id;
      const [b] = await t.sql<{ id: string }>('SELECT id FROM enrollment WHERE officer_id = $1 AND course_id = $2', [
        own,
        courseB,
      ]);
      const exempt = await api(hr)
        .post(`/enrollments/${b.id}/exemption`)
        .send({ reason: 'Completed the ethics module at the Academy' });
      expect(exempt.status).toBe(200);
      await t.sql(
        `UPDATE enrollment SET progress = progress || '{"seminarHours": 4}' WHERE officer_id = $1 AND course_id = $2`,
        [own, courseA],
      );
    });

    it('shows an officer their own record: every enrolment with titles, dates, exemption and seminar hours', async () => {
      const res = await get(officer, `/reports/officers/${own}/record`);
      expect(res.status).toBe(200);
      expect(res.body.officer).toMatchObject({ id: own, unit: { code: 'ALM-BOST-UP' } });
      // The scenario's two enrolments, beside the demo officer's year of the programme.
      const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM enrollment WHERE officer_id = $1', [
        own,
      ]);
      expect(res.body.enrollments).toHaveLength(n);
      expect(n).toBeGreaterThan(2);
      const a = res.body.enrollments.find((e: { courseId: string }) => e.courseId === courseA);
      const b = res.body.enrollments.find((e: { courseId: string }) => e.courseId === courseB);
      expect(a).toMatchObject({
        courseCode: 'R-CONFLICT',
        courseTitle: { kk: 'R-CONFLICT (kk)', ru: 'R-CONFLICT (ru)' },
        cycle: 1,
        orderNumber: 'ALM-R/1',
        seminarHours: 4,
      });
      expect(a.dueAt).toBeTruthy();
      expect(b).toMatchObject({
        status: 'exempted',
        exemption: { reason: 'Completed the ethics module at the Academy', decidedBy: 'hr.almaty' },
        seminarHours: null,
      });
      const exempted = res.body.enrollments.filter((e: { status: string }) => e.status === 'exempted').length;
      const hours = res.body.enrollments.reduce(
        (sum: number, e: { seminarHours: number | null }) => sum + (e.seminarHours ?? 0),
        0,
      );
      expect(hours).toBeGreaterThan(4);
      expect(res.body.totals).toMatchObject({ enrollments: n, exempted, seminarHours: hours });
    });

    it('renders the record as a PDF', async () => {
      const res = await get(officer, `/reports/officers/${own}/record?format=pdf`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/training-record-\d+\.pdf/);
      expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('prints a course due 31 December 2026 in Almaty as 31.12.2026 in the record, its PDF and its JSON', async () => {
      const { courseId } = await createCourse(t, 'R-YEAREND');
      const assigned = await api(hr)
        .post('/enrollments')
        .send({ courseId, officerIds: [own], dueDate: '2026-12-31' });
      expect(assigned.status).toBe(201);
      // Stored as the end of that day in Almaty: the midnight after it, which is 1 January there.
      const [{ due }] = await t.sql<{ due: Date }>(
        'SELECT due_at AS due FROM enrollment WHERE officer_id = $1 AND course_id = $2',
        [own, courseId],
      );
      expect(due.toISOString()).toBe('2026-12-31T19:00:00.000Z');

      const json = await get(officer, `/reports/officers/${own}/record`);
      const entry = json.body.enrollments.find((e: { courseId: string }) => e.courseId === courseId);
      expect(entry).toMatchObject({ dueAt: '2026-12-31T19:00:00.000Z', dueDate: '2026-12-31' });
      const pdf = await get(officer, `/reports/officers/${own}/record?format=pdf&lang=ru`).buffer(true).parse(binary);
      const line = pdfText(pdf.body as Buffer, { layout: true })
        .split('\n')
        .find((text) => text.includes('R-YEAREND'));
      expect(line).toContain('31.12.2026');
      expect(line).not.toContain('01.01.2027');
    });

    it("answers 404 for another officer's record, and for HR outside the subtree; HR and trainers in it read it", async () => {
      const [other] = await t.sql<{ id: string }>(`SELECT id FROM officer WHERE id <> $1 LIMIT 1`, [own]);
      expect((await get(officer, `/reports/officers/${other.id}/record`)).status).toBe(404);
      expect((await get(hrAstana, `/reports/officers/${own}/record`)).status).toBe(404);
      expect((await get(hr, `/reports/officers/${own}/record`)).status).toBe(200);
      expect((await get(trainer, `/reports/officers/${own}/record`)).status).toBe(200);
      expect((await get(officer, `/reports/officers/${own}/record?format=xlsx`)).status).toBe(422);
    });
  });

  describe('execution reports', () => {
    let snapshot: { id: string; sha256: string; createdAt: string; verificationCode: string };
    interface FrozenOfficer {
      fullName: string;
      personnelNumber: string;
      state: string;
      courses: { state: string; exemptionReason: string | null; certificateSerial: string | null }[];
    }
    let frozen: {
      content: {
        report: { rows: Row[]; total: Counts };
        officers: { completed: FrozenOfficer[]; outstanding: FrozenOfficer[]; refreshers: FrozenOfficer[] };
        requirement: { courses: { id: string }[] };
      };
    };

    beforeAll(async () => {
      const res = await api(hr).post(`/orders/${orderId}/execution-reports`).send({});
      expect(res.status).toBe(201);
      snapshot = res.body;
      frozen = (await get(hr, `/execution-reports/${snapshot.id}`)).body;
    });

    it('freezes the order’s compliance with a SHA-256 of its canonical content, audited', async () => {
      expect(snapshot).toEqual({
        id: expect.any(String),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        createdAt: expect.any(String),
        verificationCode: expect.stringMatching(/^[0-9A-Z]{16}$/),
      });
      const res = await get(hr, `/execution-reports/${snapshot.id}`);
      expect(res.status).toBe(200);
      expect(res.headers['x-content-sha256']).toBe(snapshot.sha256);
      expect(res.body).toMatchObject({
        id: snapshot.id,
        orderId,
        createdAt: snapshot.createdAt,
        createdByName: 'hr.almaty',
        sha256: snapshot.sha256,
        verified: true,
      });
      expect(sha256(canonical(res.body.content))).toBe(snapshot.sha256);
      const [row] = await t.sql<{ content_text: string }>('SELECT content_text FROM report_snapshot WHERE id = $1', [
        snapshot.id,
      ]);
      expect(row.content_text).toBe(canonical(res.body.content));
      expect(res.body.content).toMatchObject({
        kind: 'order-execution',
        order: { id: orderId, number: 'ALM-R/1' },
        producedAt: snapshot.createdAt,
        producedBy: { username: 'hr.almaty' },
        report: { asOf: snapshot.createdAt, unit: { code: 'ALM' } },
      });
      const live = await compliance(hr, `orderId=${orderId}`);
      expect(res.body.content.report.total).toEqual(live.total);
      const [event] = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'report-snapshot.create' AND entity_id = $1`,
        [snapshot.id],
      );
      expect(event.n).toBe(1);
    });

    it('stays as it was when enrolments change later', async () => {
      const open = await enrolmentsIn('ALM-MEDEU');
      await setEnrolments(open.slice(0, 4), `status = 'completed', started_at = now(), completed_at = now()`);
      const live = await compliance(hr, `orderId=${orderId}`);
      expect(live.total.completed).toBe(frozen.content.report.total.completed + 4);
      const again = await get(hr, `/execution-reports/${snapshot.id}`);
      expect(again.body).toEqual(frozen);
      const later = await api(hr).post(`/orders/${orderId}/execution-reports`).send({});
      expect(later.status).toBe(201);
      expect(later.body.sha256).not.toBe(snapshot.sha256);
      const list = await get(hr, `/orders/${orderId}/execution-reports`);
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(2);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([later.body.id, snapshot.id]);
      expect(list.body.items.every((i: { verified: boolean }) => i.verified)).toBe(true);
    });

    it('serves the frozen content as CSV and PDF with its hash', async () => {
      const csv = await get(hr, `/execution-reports/${snapshot.id}?format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['x-content-sha256']).toBe(snapshot.sha256);
      expect(csv.headers['content-disposition']).toMatch(/execution-report-ALM-R_1-ALM-/);
      const all: string[][] = parse(csv.text.slice(1), { delimiter: ';', relax_column_count: true });
      const lines = all.slice(
        0,
        all.findIndex((line) => line.length === 1 && line[0] === ''),
      );
      expect(lines).toHaveLength(frozen.content.report.rows.length + 2);
      // Then the officer lists (completed, outstanding, refreshers after complaints), one line per officer and course, each under its title.
      const { completed, outstanding, refreshers } = frozen.content.officers;
      expect(all.length).toBe(lines.length + 3 * 3 + completed.length + outstanding.length + refreshers.length);
      expect(lines.at(-1)![2]).toBe(String(frozen.content.report.total.inAudience));
      expect(lines.at(-1)![3]).toBe(String(frozen.content.report.total.completed));
      const pdf = await get(hr, `/execution-reports/${snapshot.id}?format=pdf`).buffer(true).parse(binary);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['x-content-sha256']).toBe(snapshot.sha256);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfText(pdf.body as Buffer, { layout: true })).toContain(snapshot.sha256);
    });

    it('names every officer in scope: who completed, and who did not with the reason', async () => {
      const { officers, report, requirement } = frozen.content;
      expect(requirement.courses.map((course) => course.id)).toEqual([courseA]);
      expect(officers.completed).toHaveLength(report.total.completed);
      expect(officers.outstanding).toHaveLength(report.total.inAudience - report.total.completed);
      expect(officers.completed.every((officer) => officer.courses[0].state === 'completed')).toBe(true);
      const count = (state: string) => officers.outstanding.filter((officer) => officer.state === state).length;
      expect(count('overdue')).toBe(report.total.overdue);
      expect(count('inProgress')).toBe(report.total.inProgress);
      expect(count('notStarted')).toBe(report.total.notStarted);
      const exempted = officers.outstanding.filter((officer) => officer.state === 'exempted');
      expect(exempted.map((officer) => officer.courses[0].exemptionReason)).toEqual(['Academy course']);
    });

    it('serves the same bytes of the Kazakh PDF at every download, whose SHA-256 verification records', async () => {
      const download = async () => {
        const res = await get(hr, `/execution-reports/${snapshot.id}?format=pdf&lang=kk`).buffer(true).parse(binary);
        expect(res.status).toBe(200);
        return res;
      };
      const [first, second] = [await download(), await download()];
      const bytes = first.body as Buffer;
      expect(Buffer.compare(bytes, second.body as Buffer)).toBe(0);
      // Kept for a person to look at (pdftoppm -png): test/artifacts is not committed.
      mkdirSync('test/artifacts/kk', { recursive: true });
      writeFileSync('test/artifacts/kk/execution-report.pdf', bytes);
      const fileSha = createHash('sha256').update(bytes).digest('hex');
      expect(first.headers['x-file-sha256']).toBe(fileSha);
      const text = pdfText(bytes);
      expect(text).toContain('Бұйрықтың орындалуы туралы есеп');
      expect(text).toContain('Оқудан өткен қызметкерлер');
      expect(text).toContain(snapshot.sha256);
      const grouped = snapshot.verificationCode.match(/.{4}/g)!.join('-');
      expect(text).toContain(grouped);
      const named = frozen.content.officers.completed[0];
      expect(text).toContain(named.personnelNumber);

      const check = await get(hr, `/execution-reports/${snapshot.id}/verification`);
      expect(check.status).toBe(200);
      expect(check.body).toMatchObject({ valid: true, contentVerified: true, sha256: snapshot.sha256 });
      expect(check.body.files).toContainEqual(
        expect.objectContaining({ format: 'pdf', language: 'kk', sha256: fileSha, verified: true }),
      );
      const publicCheck = await t.http().get(`/api/v1/execution-reports/verify/${grouped.toLowerCase()}`);
      expect(publicCheck.status).toBe(200);
      expect(publicCheck.body).toMatchObject({
        valid: true,
        report: { snapshotId: snapshot.id, order: { number: 'ALM-R/1' } },
      });
      expect((await t.http().get('/api/v1/execution-reports/verify/0000-0000-0000-0000')).body).toEqual({
        valid: false,
      });
      expect((await get(hrAstana, `/execution-reports/${snapshot.id}/verification`)).status).toBe(404);
    });

    it('says when a stored file was changed behind the application', async () => {
      const victim = (await api(hr).post(`/orders/${orderId}/execution-reports`).send({})).body;
      expect((await get(hr, `/execution-reports/${victim.id}?format=xlsx&lang=ru`)).status).toBe(200);
      await expect(t.sql('DELETE FROM report_rendering WHERE snapshot_id = $1', [victim.id])).rejects.toThrow(
        /append-only/,
      );
      await t.sql('SET session_replication_role = replica');
      try {
        await t.sql(`UPDATE report_rendering SET content = content || '\\x00'::bytea WHERE snapshot_id = $1`, [
          victim.id,
        ]);
      } finally {
        await t.sql('RESET session_replication_role');
      }
      const check = await get(hr, `/execution-reports/${victim.id}/verification`);
      expect(check.body).toMatchObject({ valid: false, contentVerified: true });
      expect(check.body.files).toEqual([expect.objectContaining({ format: 'xlsx', verified: false })]);
      const publicCheck = await t.http().get(`/api/v1/execution-reports/verify/${victim.verificationCode}`);
      expect(publicCheck.body.valid).toBe(false);
    });

    it('refuses to UPDATE or DELETE a snapshot', async () => {
      await expect(
        t.sql(`UPDATE report_snapshot SET sha256 = repeat('0', 64) WHERE id = $1`, [snapshot.id]),
      ).rejects.toThrow(/append-only/);
      await expect(t.sql('DELETE FROM report_snapshot WHERE id = $1', [snapshot.id])).rejects.toThrow(/append-only/);
      expect((await get(hr, `/execution-reports/${snapshot.id}`)).status).toBe(200);
    });

    it('detects content changed behind the trigger: 409 snapshot-tampered, and unverified in the list', async () => {
      const victim = (await api(hr).post(`/orders/${orderId}/execution-reports`).send({})).body;
      const other = (await api(hr).post(`/orders/${orderId}/execution-reports`).send({})).body;
      await t.sql('SET session_replication_role = replica');
      try {
        await t.sql(
          `UPDATE report_snapshot SET content_text = replace(content_text, 'коммуникативной', 'иной') WHERE id = $1`,
          [victim.id],
        );
        await t.sql(
          `UPDATE report_snapshot SET content = jsonb_set(content, '{order,title}', '"forged"') WHERE id = $1`,
          [other.id],
        );
      } finally {
        await t.sql('RESET session_replication_role');
      }
      for (const id of [victim.id, other.id]) {
        const res = await get(hr, `/execution-reports/${id}`);
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ type: '/problems/snapshot-tampered', snapshotId: id });
        expect((await get(hr, `/execution-reports/${id}?format=pdf`)).status).toBe(409);
      }
      const list = await get(hr, `/orders/${orderId}/execution-reports?limit=10`);
      const verified = Object.fromEntries(
        list.body.items.map((i: { id: string; verified: boolean }) => [i.id, i.verified]),
      );
      expect(verified).toMatchObject({ [victim.id]: false, [other.id]: false, [snapshot.id]: true });
      // The trigger is back.
      await expect(t.sql('DELETE FROM report_snapshot WHERE id = $1', [victim.id])).rejects.toThrow(/append-only/);
    });

    it('lets HR report its own part of an order issued above it', async () => {
      const national = await api(admin)
        .post('/orders')
        .send({ number: 'MVD-R/7', date: '2026-02-01', title: 'National order', courseIds: [courseA] });
      expect(national.status).toBe(201);
      const res = await api(hr).post(`/orders/${national.body.id}/execution-reports`).send({});
      expect(res.status).toBe(201);
      const body = (await get(hr, `/execution-reports/${res.body.id}`)).body;
      expect(body.unitId).toBe(alm);
      expect(body.content.report.unit.code).toBe('ALM');
      // Admin's report of the same order covers the ministry, which HR of Almaty may not read.
      const whole = await api(admin).post(`/orders/${national.body.id}/execution-reports`).send({});
      expect(whole.status).toBe(201);
      expect((await get(admin, `/execution-reports/${whole.body.id}`)).body.content.report.unit.code).toBe('MVD');
      expect((await get(hr, `/execution-reports/${whole.body.id}`)).status).toBe(404);
      const outside = await api(hr)
        .post(`/orders/${national.body.id}/execution-reports`)
        .send({ unitId: await unitId(t, 'AST') });
      expect(outside.status).toBe(404);
    });

    it('keeps other regions, trainers and officers from making or reading them', async () => {
      expect((await api(hrAstana).post(`/orders/${orderId}/execution-reports`).send({})).status).toBe(404);
      expect((await get(hrAstana, `/execution-reports/${snapshot.id}`)).status).toBe(404);
      expect((await get(hrAstana, `/orders/${orderId}/execution-reports`)).status).toBe(404);
      expect((await api(trainer).post(`/orders/${orderId}/execution-reports`).send({})).status).toBe(403);
      expect((await api(officer).post(`/orders/${orderId}/execution-reports`).send({})).status).toBe(403);
      expect((await get(officer, `/execution-reports/${snapshot.id}`)).status).toBe(403);
      expect((await get(trainer, `/execution-reports/${snapshot.id}`)).status).toBe(200);
    });
  });
});
