import ExcelJS from 'exceljs';
import { apiAs } from '../support/api-client';
import { binary, pdfText } from '../support/pdf';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The trust report: feedback, complaints and training completion per unit,
 * averages hidden under 5 responses, the subtree's scope. Rows are written
 * directly for a period in the past that the demo's history leaves empty.
 */
describe('trust: the trust report', () => {
  let t: TestApp;
  let hr: string;
  let hrAstana: string;
  let officer: string;
  let almaty: { id: string; path: string };
  let district: { id: string; code: string };
  const FROM = '2020-01-01';
  const TO = '2020-12-31';

  beforeAll(async () => {
    t = await createTestApp();
    [hr, hrAstana, officer] = await Promise.all([t.login('hr.almaty'), t.login('hr.astana'), t.login('officer')]);
    [almaty] = await t.sql<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE code = 'ALM'`);
    [district] = await t.sql<{ id: string; code: string }>(
      `SELECT id, code FROM unit WHERE parent_id = $1 ORDER BY code LIMIT 1`,
      [almaty.id],
    );
    const officers = await t.sql<{ id: string; unit_id: string }>(
      `SELECT o.id, o.unit_id FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE u.path LIKE (SELECT path FROM unit WHERE id = $1) || '%' AND o.status = 'active' ORDER BY o.personnel_number LIMIT 6`,
      [district.id],
    );
    // Six responses in the district: enough for averages there; none elsewhere in 2020.
    for (const [i, o] of officers.entries()) {
      await t.sql(
        `INSERT INTO citizen_feedback (officer_id, unit_id, submitted_at, courtesy, clarity, fairness, trust_change, language, repeat_key)
         VALUES ($1::uuid, $2, $3::timestamptz, $4, 4, 5, $5, 'ru', md5($1::text || $3::text) || md5($3::text))`,
        [o.id, o.unit_id, `2020-0${i + 1}-15T10:00:00Z`, i < 3 ? 5 : 3, i < 2 ? 1 : 0],
      );
    }
    await t.sql(
      `INSERT INTO complaint (received_on, unit_id, officer_id, category, outcome)
       VALUES ('2020-03-01', $1, $2, 'rudeness', 'substantiated'), ('2020-04-01', $1, NULL, 'corruption', 'unsubstantiated')`,
      [officers[0].unit_id, officers[0].id],
    );
  });
  afterAll(() => t?.close());

  it('gives each district its feedback, complaint rates and training completion, and the region in total', async () => {
    const res = await apiAs(t, hr).get(`/reports/trust?unitId=${almaty.id}&from=${FROM}&to=${TO}`).expect(200);
    const row = res.body.rows.find((r: { unitId: string }) => r.unitId === district.id);
    expect(row.feedback).toEqual({
      responses: 6,
      courtesy: 4,
      clarity: 4,
      fairness: 5,
      trustRaised: 33.3,
      trustLowered: 0,
    });
    expect(row.complaints).toMatchObject({ total: 2, substantiated: 1 });
    expect(row.complaints.per100).toBeCloseTo(200 / row.officers, 1);
    expect(typeof row.trainingCompletion === 'number' || row.trainingCompletion === null).toBe(true);
    expect(res.body.total.feedback.responses).toBe(6);
    expect(res.body.total.officers).toBeGreaterThanOrEqual(row.officers);
    for (const other of res.body.rows.filter((r: { unitId: string }) => r.unitId !== district.id)) {
      expect(other.feedback).toMatchObject({ responses: 0, courtesy: null, trustRaised: null });
    }
    expect(res.body.survey.baselineTrust).toBe(64.3);
  });

  it('hides averages under 5 responses', async () => {
    const res = await apiAs(t, hr)
      .get(`/reports/trust?unitId=${district.id}&from=2020-01-01&to=2020-04-30`)
      .expect(200);
    expect(res.body.total.feedback).toEqual({
      responses: 4,
      courtesy: null,
      clarity: null,
      fairness: null,
      trustRaised: null,
      trustLowered: null,
    });
  });

  it('answers CSV with formula-like cells neutralised, and refuses outside the subtree', async () => {
    const csv = await apiAs(t, hr)
      .get(`/reports/trust?unitId=${almaty.id}&from=${FROM}&to=${TO}&format=csv`)
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('unit_code,unit_name,officers,feedback_responses');
    expect(lines.at(-1)).toMatch(/^TOTAL,/);
    await apiAs(t, hrAstana).get(`/reports/trust?unitId=${almaty.id}`).expect(404);
    await apiAs(t, officer).get(`/reports/trust`).expect(403);
    expect((await apiAs(t, hr).get(`/reports/trust?from=2020-05-01&to=2020-01-01`)).status).toBe(422);
    expect((await apiAs(t, hr).get(`/reports/trust?format=docx`)).status).toBe(422);
    expect((await apiAs(t, hr).get(`/reports/trust?format=pdf&lang=de`)).status).toBe(422);
  });

  it('answers XLSX and PDF with the same rows, labelled in Kazakh, and keeps the scope', async () => {
    const period = `unitId=${almaty.id}&from=${FROM}&to=${TO}`;
    const json = await apiAs(t, hr).get(`/reports/trust?${period}`).expect(200);
    const xlsx = await apiAs(t, hr)
      .get(`/reports/trust?${period}&format=xlsx&lang=kk`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain(`trust-${FROM}-${TO}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    const texts: string[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    expect(book.title).toBe('Азаматтар сенімі және оқыту');
    for (const row of (json.body as { rows: { unitName: string }[] }).rows) expect(texts).toContain(row.unitName);
    expect(texts.join(' ')).toContain('Бөлімше бойынша барлығы');

    const pdf = await apiAs(t, hr)
      .get(`/reports/trust?${period}&format=pdf&lang=kk`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdfText(bytes)).toContain('Азаматтар сенімі');

    await apiAs(t, hrAstana).get(`/reports/trust?${period}&format=xlsx`).expect(404);
    await apiAs(t, officer).get(`/reports/trust?format=pdf`).expect(403);
  });
});
