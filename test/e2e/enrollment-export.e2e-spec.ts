import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import {
  csvDialect,
  dueDay,
  dueDaySql,
  formulaSafeSql,
  FORMULA_START_CHARACTERS,
  localDay,
  localDaySql,
  neutraliseFormula,
  ReportReads,
  toCsv,
} from '@lms/core';
import { apiAs } from '../support/api-client';
import { createCourse, unitId } from '../support/catalogue-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('enrolment export', () => {
  let t: TestApp;
  let hr: string;
  let admin: string;
  let almaty: string;
  let astana: string;
  let courseId: string;

  /** Officers straight into the table (as a personnel system might have them), enrolled by a rule on their unit. */
  async function enrolUnit(parentCode: string, code: string, names: string[]): Promise<string> {
    const created = await apiAs(t, admin)
      .post('/units')
      .send({ code, name: `Отдел ${code}`, parentId: await unitId(t, parentCode) });
    expect(created.status).toBe(201);
    await t.sql(
      `INSERT INTO officer (personnel_number, full_name, rank, position, service_type, unit_id, status, language)
       SELECT $3 || '-' || i, name, 'лейтенант', 'инспектор', 'patrol', $2, 'active', 'ru'
       FROM unnest($1::text[]) WITH ORDINALITY AS n(name, i)`,
      [names, created.body.id, code],
    );
    const rule = await apiAs(t, admin)
      .post('/assignment-rules')
      .send({ courseId, audience: { unitIds: [created.body.id] }, dueDate: '2030-12-31' });
    expect(rule.status).toBe(201);
    expect(rule.body.enrolled).toBe(names.length);
    return created.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.login('hr.almaty');
    admin = await t.login('admin');
    courseId = (await createCourse(t, 'EX-COURSE')).courseId;
    almaty = await enrolUnit('ALM', 'ALM-EX', ['=HYPERLINK("http://evil.example")', 'Әлиев Нұрлан', 'Иванов Иван']);
    astana = await enrolUnit('AST', 'AST-EX', ['Сейтқали Асқар']);
  });

  afterAll(() => t?.close());

  it('gives HR of a region the enrolments of its subtree only, as many in the CSV as the JSON total', async () => {
    const json = await apiAs(t, hr).get('/reports/enrollments?limit=1');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ limit: 1, offset: 0 });
    expect(json.body.items).toHaveLength(1);
    const [{ count }] = await t.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM enrollment e JOIN officer o ON o.id = e.officer_id
       JOIN unit u ON u.id = o.unit_id WHERE u.path LIKE (SELECT path FROM unit WHERE code = 'ALM') || '%'`,
    );
    expect(json.body.total).toBe(count);

    const csv = await apiAs(t, hr).get('/reports/enrollments?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines: string[][] = parse(csv.text.slice(1), { delimiter: ';' });
    expect(lines.length - 1).toBe(json.body.total);
    const numbers = lines.slice(1).map((line) => line[1]);
    expect(numbers).toEqual(expect.arrayContaining(['ALM-EX-1', 'ALM-EX-2', 'ALM-EX-3']));
    expect(numbers).not.toContain('AST-EX-1');
    // The due day as the calendar day, not the stored midnight after it.
    const ours = lines.find((line) => line[1] === 'ALM-EX-2')!;
    expect(ours.slice(3, 5)).toEqual(['ALM-EX', 'Отдел ALM-EX']);
    expect(ours[10]).toBe('2030-12-31');
  });

  it('filters by unit and status, and answers JSON with the same rows', async () => {
    const json = await apiAs(t, hr).get(`/reports/enrollments?unitId=${almaty}&courseId=${courseId}&status=assigned`);
    expect(json.status).toBe(200);
    expect(json.body.total).toBe(3);
    expect(json.body.items.map((item: { personnelNumber: string }) => item.personnelNumber).sort()).toEqual([
      'ALM-EX-1',
      'ALM-EX-2',
      'ALM-EX-3',
    ]);
    expect(json.body.items[0]).toMatchObject({ status: 'assigned', dueOn: '2030-12-31', certificateSerial: null });
    const none = await apiAs(t, hr).get(`/reports/enrollments?unitId=${almaty}&status=completed&format=csv&lang=en`);
    expect(none.status).toBe(200);
    expect(parse(none.text.slice(1))).toHaveLength(1);
  });

  it('neutralises a name that starts with = in the CSV', async () => {
    const csv = await apiAs(t, hr).get(`/reports/enrollments?unitId=${almaty}&format=csv&lang=en`);
    expect(csv.status).toBe(200);
    const lines: string[][] = parse(csv.text.slice(1));
    const names = lines.slice(1).map((line) => line[0]);
    expect(names).toContain(`'=HYPERLINK("http://evil.example")`);
    expect(names.some((name) => name.startsWith('='))).toBe(false);
  });

  it('writes the bytes the process’s own CSV writer writes for the same rows, in every language', async () => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const json = await apiAs(t, hr).get(`/reports/enrollments?unitId=${almaty}&lang=${lang}&limit=100`);
      const csv = await apiAs(t, hr).get(`/reports/enrollments?unitId=${almaty}&format=csv&lang=${lang}`);
      expect(csv.status).toBe(200);
      const rows = (json.body.items as Record<string, string | number | null>[]).map((item) => [
        item.fullName,
        item.personnelNumber,
        item.rank,
        item.unitCode,
        item.unitName,
        item.courseCode,
        item.courseTitle,
        item.cycle,
        item.status,
        item.assignedOn,
        item.dueOn,
        item.completedOn,
        item.certificateSerial,
      ]);
      const table: string[][] = parse(csv.text.slice(1), { delimiter: lang === 'en' ? ',' : ';' });
      const header = table[0];
      expect(csv.text).toBe(toCsv(rows, { dialect: csvDialect(lang), header }));
      expect(csv.text.endsWith('\r\n')).toBe(true);
    }
  });

  it('makes a text formula-safe in SQL exactly as neutraliseFormula does', async () => {
    const texts = fc
      .sample(
        fc.oneof(
          fc.string({ maxLength: 6 }),
          fc
            .tuple(fc.constantFrom(...FORMULA_START_CHARACTERS, "'", ' ', 'a'), fc.string({ maxLength: 4 }))
            .map(([first, rest]) => first + rest),
        ),
        { numRuns: 500, seed: 7 },
      )
      .map((text) => text.replaceAll(String.fromCharCode(0), ''));
    const rows = await t.sql<{ safe: string | null }>(
      `SELECT ${formulaSafeSql('x.text')} AS safe FROM unnest($1::text[]) WITH ORDINALITY AS x(text, n) ORDER BY x.n`,
      [texts],
    );
    expect(rows.map((row) => row.safe ?? '')).toEqual(texts.map(neutraliseFormula));
  });

  it('refuses an officer (403) and a unit outside the subtree (404)', async () => {
    expect((await apiAs(t, await t.login('officer')).get('/reports/enrollments?format=csv')).status).toBe(403);
    expect((await apiAs(t, hr).get(`/reports/enrollments?unitId=${astana}&format=csv`)).status).toBe(404);
  });

  it('refuses an unknown status with 422 as a problem', async () => {
    const response = await apiAs(t, hr).get('/reports/enrollments?status=finished&format=csv');
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('prints in SQL the calendar days localDay and dueDay print in the process', async () => {
    // Around local midnights, and across Almaty's move from UTC+6 to UTC+5 on 1 March 2024.
    const instants = [
      '2024-02-29T17:59:59.999Z',
      '2024-02-29T18:00:00.000Z',
      '2024-02-29T18:30:00.000Z',
      '2024-02-29T19:00:00.000Z',
      '2026-12-31T18:59:59.999Z',
      '2026-12-31T19:00:00.000Z',
      '2026-12-31T19:00:00.001Z',
      '2026-06-30T21:00:00.000Z',
    ];
    const zones = ['Asia/Almaty', 'Asia/Aqtobe', 'Asia/Oral', 'Europe/Moscow', 'UTC'];
    const pairs = zones.flatMap((zone) => instants.map((instant) => ({ zone, instant })));
    const rows = await t.sql<{ day: string; due: string }>(
      `SELECT ${localDaySql('p.instant', 'p.zone')} AS day, ${dueDaySql('p.instant', 'p.zone')} AS due
       FROM unnest($1::timestamptz[], $2::text[]) WITH ORDINALITY AS p(instant, zone, n) ORDER BY p.n`,
      [pairs.map((pair) => pair.instant), pairs.map((pair) => pair.zone)],
    );
    expect(rows).toEqual(
      pairs.map(({ zone, instant }) => ({ day: localDay(instant, zone), due: dueDay(instant, zone) })),
    );
  });

  /** Destroys a stream after its first chunk and waits until its statement (named by `marker`) has left the server. */
  async function abandon(stream: Readable, marker: string): Promise<void> {
    await once(stream, 'data');
    stream.destroy();
    await once(stream, 'close');
    const running = async () =>
      (
        await t.sql<{ count: number }>(
          `SELECT count(*)::int AS count FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()`,
          [`%AS ${marker}%`],
        )
      )[0].count;
    for (let i = 0; i < 50 && (await running()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await running()).toBe(0);
  }

  it('closes the connection of a row stream or a COPY abandoned mid-way, and returns a finished one to the pool', async () => {
    const reads = t.app.get(ReportReads);
    await abandon(
      await reads.stream('SELECT g AS abandoned_export_probe FROM generate_series(1, 5000000) g'),
      'abandoned_export_probe',
    );
    await abandon(
      await reads.copyOut('COPY (SELECT g AS abandoned_copy_probe FROM generate_series(1, 50000000) g) TO STDOUT'),
      'abandoned_copy_probe',
    );

    const small = await reads.stream('SELECT g FROM generate_series(1, 3) g');
    const all: unknown[] = [];
    for await (const row of small) all.push(row);
    expect(all).toEqual([{ g: 1 }, { g: 2 }, { g: 3 }]);
    // The pool still answers after both streams.
    expect(await reads.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
