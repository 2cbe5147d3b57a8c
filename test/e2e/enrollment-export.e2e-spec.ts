import { once } from 'node:events';
import { parse } from 'csv-parse/sync';
import { dueDay, dueDaySql, localDay, localDaySql, ReportReads } from '@lms/core';
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

  it('closes the connection of a row stream abandoned mid-way, and returns a finished one to the pool', async () => {
    const reads = t.app.get(ReportReads);
    const marker = 'abandoned_export_probe';
    const rows = await reads.stream(`SELECT g AS ${marker} FROM generate_series(1, 5000000) g`);
    await once(rows, 'data');
    rows.destroy();
    await once(rows, 'close');
    const running = async () =>
      (
        await t.sql<{ count: number }>(
          `SELECT count(*)::int AS count FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()`,
          [`%AS ${marker}%`],
        )
      )[0].count;
    for (let i = 0; i < 50 && (await running()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await running()).toBe(0);

    const small = await reads.stream('SELECT g FROM generate_series(1, 3) g');
    const all: unknown[] = [];
    for await (const row of small) all.push(row);
    expect(all).toEqual([{ g: 1 }, { g: 2 }, { g: 3 }]);
    // The pool still answers after both streams.
    expect(await reads.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
