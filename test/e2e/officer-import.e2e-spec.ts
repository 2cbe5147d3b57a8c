import iconv from 'iconv-lite';
import { apiAs } from '../support/api-client';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

const COLUMNS = [
  'personnel_number',
  'full_name',
  'rank',
  'position',
  'service_type',
  'unit_code',
  'status',
  'language',
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string>;

const HEADER = COLUMNS.join(',');

/** One CSV field, quoted when it must be. */
const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const line = (row: Row, columns: readonly Column[] = COLUMNS) => columns.map((column) => field(row[column])).join(',');
const csv = (rows: Row[], columns: readonly Column[] = COLUMNS, eol = '\n') =>
  [columns.join(','), ...rows.map((row) => line(row, columns))].join(eol) + eol;

const person = (number: string, overrides: Partial<Row> = {}): Row => ({
  personnel_number: number,
  full_name: 'Серікбаев Асхат Маратұлы',
  rank: 'старший лейтенант полиции',
  position: 'патрульный полицейский',
  service_type: 'patrol',
  unit_code: 'ALM-BOST-PPS',
  status: 'active',
  language: 'kk',
  ...overrides,
});

/**
 * POST /officers/import: HR's CSV export, all or nothing. Each test uses its
 * own personnel numbers, so tests do not depend on each other's imports.
 */
describe('officer import', () => {
  let t: TestApp;
  const api = (token: string) => apiAs(t, token);
  let admin: string;
  let hrAlmaty: string;
  let trainer: string;
  let officer: string;

  const upload = (token: string, body: string | Buffer, type = 'text/csv') =>
    api(token)
      .post('/officers/import')
      .set('Content-Type', type)
      .send(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);

  /** Every column of every officer: equal snapshots mean nothing was written. */
  const snapshot = async () =>
    (
      await t.sql<{ count: number; hash: string }>(
        `SELECT count(*)::int AS count, md5(coalesce(string_agg(o::text, '|' ORDER BY o.id), '')) AS hash FROM officer o`,
      )
    )[0];

  const stored = async (number: string): Promise<Row | undefined> =>
    (
      await t.sql<Row>(
        `SELECT o.personnel_number, o.full_name, o.rank, o.position, o.service_type, u.code AS unit_code, o.status, o.language
         FROM officer o JOIN unit u ON u.id = o.unit_id WHERE o.personnel_number = $1`,
        [number],
      )
    )[0];

  /** Existing officers as HR would export them. */
  const exported = (codePrefix: string) =>
    t.sql<Row>(
      `SELECT o.personnel_number, o.full_name, o.rank, o.position, o.service_type, u.code AS unit_code, o.status, o.language
       FROM officer o JOIN unit u ON u.id = o.unit_id WHERE u.code LIKE $1 ORDER BY o.personnel_number`,
      [codePrefix + '%'],
    );

  /** An accepted file's answer: counts not given are 0, read as UTF-8. */
  const summary = (
    counts: Partial<Record<'created' | 'updated' | 'unchanged' | 'transferred', number>> & { encoding?: string },
  ) => ({
    created: 0,
    updated: 0,
    unchanged: 0,
    transferred: 0,
    enrolled: expect.any(Number),
    withdrawn: expect.any(Number),
    encoding: 'utf-8',
    errors: [],
    ...counts,
  });

  function expectRejected(
    res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    errors: { line: number; field: string; message?: unknown }[],
  ) {
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('/problems/officer-import-rejected');
    expect(res.body).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
    for (const error of res.body.errors as { line: unknown; field: unknown; message: unknown }[]) {
      expect(typeof error.line).toBe('number');
      expect(typeof error.field).toBe('string');
      expect(typeof error.message).toBe('string');
    }
    expect(res.body.errors).toEqual(errors.map((error) => ({ message: expect.any(String), ...error })));
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    hrAlmaty = await t.login('hr.almaty');
    trainer = await t.login('trainer');
    officer = await t.login('officer');
  });
  afterAll(() => t.close());

  describe('accepted files', () => {
    it('creates new officers and reports them as created', async () => {
      const rows = [
        person('NEW-1'),
        person('NEW-2', {
          full_name: 'Иванова Динара Болатқызы',
          service_type: 'juvenile',
          unit_code: 'ALM-AUEZ-IDN',
          language: 'ru',
        }),
        person('NEW-3', { status: 'on_leave', unit_code: 'ALM-TURK-UP', service_type: 'district_inspector' }),
      ];
      const before = await snapshot();
      const res = await upload(hrAlmaty, csv(rows));
      expect(res.status).toBe(200);
      expect(res.body).toEqual(summary({ created: 3, updated: 0, unchanged: 0 }));
      expect((await snapshot()).count).toBe(before.count + 3);
      for (const row of rows) expect(await stored(row.personnel_number)).toEqual(row);
      const [audit] = await t.sql<{ actor_name: string; after: { created: number } }>(
        `SELECT actor_name, after FROM audit_event WHERE action = 'officer.import' ORDER BY seq DESC LIMIT 1`,
      );
      expect(audit.actor_name).toBe('hr.almaty');
      expect(audit.after.created).toBe(3);
    });

    it('reports every row unchanged on a re-import and touches nothing', async () => {
      const rows = [person('SAME-1'), person('SAME-2', { full_name: 'Оспанов Нұрлан Ержанұлы' })];
      expect((await upload(hrAlmaty, csv(rows))).body).toMatchObject({ created: 2 });
      const before = await snapshot();
      const res = await upload(hrAlmaty, csv(rows));
      expect(res.status).toBe(200);
      expect(res.body).toEqual(summary({ created: 0, updated: 0, unchanged: 2 }));
      expect(await snapshot()).toEqual(before); // updated_at included
    });

    it('reports only the rows that changed as updated', async () => {
      const rows = [person('PART-1'), person('PART-2'), person('PART-3'), person('PART-4')];
      expect((await upload(hrAlmaty, csv(rows))).body).toMatchObject({ created: 4 });
      const changed = [
        rows[0],
        { ...rows[1], rank: 'капитан полиции' },
        { ...rows[2], status: 'dismissed' },
        rows[3],
        person('PART-5'),
      ];
      const res = await upload(hrAlmaty, csv(changed));
      expect(res.body).toEqual(summary({ created: 1, updated: 2, unchanged: 2 }));
      expect((await stored('PART-2'))!.rank).toBe('капитан полиции');
      expect((await stored('PART-3'))!.status).toBe('dismissed');
      expect(await stored('PART-1')).toEqual(rows[0]);
    });

    it('transfers an officer whose unit code changed and reports one update', async () => {
      const [existing] = await exported('ALM-ALMALY-PPS');
      const [{ id }] = await t.sql<{ id: string }>('SELECT id FROM officer WHERE personnel_number = $1', [
        existing.personnel_number,
      ]);
      const res = await upload(hrAlmaty, csv([{ ...existing, unit_code: 'ALM-MEDEU-PPS' }]));
      expect(res.body).toEqual(summary({ created: 0, updated: 1, unchanged: 0, transferred: 1 }));
      const [after] = await t.sql<{ id: string; code: string }>(
        'SELECT o.id, u.code FROM officer o JOIN unit u ON u.id = o.unit_id WHERE o.personnel_number = $1',
        [existing.personnel_number],
      );
      expect(after).toEqual({ id, code: 'ALM-MEDEU-PPS' });
    });

    it('re-imports HR’s own export of a whole region as unchanged', async () => {
      const rows = await exported('KRG');
      expect(rows.length).toBe(72);
      const before = await snapshot();
      const res = await upload(admin, csv(rows));
      expect(res.body).toEqual(summary({ created: 0, updated: 0, unchanged: 72 }));
      expect(await snapshot()).toEqual(before);
    });

    it('keeps every Kazakh letter through the round trip', async () => {
      const row = person('KAZ-1', {
        full_name: 'Ғабдуллина Әсем Өмірзаққызы ӘҒҚҢӨҰҮҺІ әғқңөұүһі',
        rank: 'полиция капитаны',
        position: 'Учаскелік полиция инспекторы (Ұлытау, Үржар, Һ)',
      });
      expect((await upload(hrAlmaty, csv([row]))).body).toMatchObject({ created: 1 });
      expect(await stored('KAZ-1')).toEqual(row);
      const [{ id }] = await t.sql<{ id: string }>(`SELECT id FROM officer WHERE personnel_number = 'KAZ-1'`);
      const res = await api(hrAlmaty).get(`/officers/${id}`);
      expect(res.body.fullName).toBe(row.full_name);
      expect(res.body.position).toBe(row.position);
      const found = await api(hrAlmaty).get(`/officers?q=${encodeURIComponent('әғқңөұүһі')}`);
      expect(found.body.items.map((o: { id: string }) => o.id)).toEqual([id]);
    });

    it('ignores a UTF-8 byte order mark', async () => {
      const res = await upload(hrAlmaty, '\uFEFF' + csv([person('BOM-1', { full_name: 'Әбдірахманов Бауыржан' })]));
      expect(res.body).toEqual(summary({ created: 1, updated: 0, unchanged: 0 }));
      expect((await stored('BOM-1'))!.full_name).toBe('Әбдірахманов Бауыржан');
    });

    it('reads CRLF line endings without stray carriage returns', async () => {
      const res = await upload(
        hrAlmaty,
        csv([person('CRLF-1'), person('CRLF-2', { language: 'ru' })], COLUMNS, '\r\n'),
      );
      expect(res.body).toEqual(summary({ created: 2, updated: 0, unchanged: 0 }));
      expect((await stored('CRLF-1'))!.language).toBe('kk');
      expect((await stored('CRLF-2'))!.language).toBe('ru');
    });

    it('reads quoted fields holding commas and quotes', async () => {
      const row = person('QUOTE-1', {
        full_name: 'Ахметов "Ерлан" Серікұлы',
        position: 'инспектор, старший',
        rank: '"майор", полиции',
      });
      const body = `${HEADER}\nQUOTE-1,"Ахметов ""Ерлан"" Серікұлы","""майор"", полиции","инспектор, старший",patrol,ALM-BOST-PPS,active,kk\n`;
      expect(line(row)).toBe(body.split('\n')[1]);
      const res = await upload(hrAlmaty, body);
      expect(res.body).toEqual(summary({ created: 1, updated: 0, unchanged: 0 }));
      expect(await stored('QUOTE-1')).toEqual(row);
    });

    it('maps columns by header name in any order', async () => {
      const columns: Column[] = [
        'unit_code',
        'language',
        'full_name',
        'status',
        'personnel_number',
        'position',
        'service_type',
        'rank',
      ];
      const row = person('ORDER-1', {
        unit_code: 'ALM-AUEZ-JP',
        service_type: 'traffic',
        language: 'ru',
        status: 'on_leave',
      });
      const res = await upload(hrAlmaty, csv([row], columns));
      expect(res.body).toEqual(summary({ created: 1, updated: 0, unchanged: 0 }));
      expect(await stored('ORDER-1')).toEqual(row);
    });

    it('accepts upper-case enumerations and lower-case unit codes', async () => {
      const res = await upload(
        hrAlmaty,
        csv([
          person('CASE-1', { service_type: 'PATROL', status: 'Active', language: 'KK', unit_code: 'alm-bost-pps' }),
        ]),
      );
      expect(res.body).toMatchObject({ created: 1 });
      expect(await stored('CASE-1')).toEqual(person('CASE-1'));
    });

    it.each([['text/csv; charset=utf-8'], ['application/csv'], ['text/plain']])(
      'accepts the content type %s',
      async (type) => {
        const number = 'TYPE-' + type.replace(/\W+/g, '');
        const res = await upload(hrAlmaty, csv([person(number)]), type);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ created: 1 });
      },
    );

    it('imports a header-only file as nothing', async () => {
      const before = await snapshot();
      const res = await upload(hrAlmaty, HEADER + '\n');
      expect(res.body).toEqual(summary({ created: 0, updated: 0, unchanged: 0 }));
      expect(await snapshot()).toEqual(before);
    });

    it('imports a file of more than 10,000 rows, and re-imports it unchanged', async () => {
      const units = ['ALM-BOST-PPS', 'ALM-AUEZ-JP', 'ALM-TURK-UP', 'ALM-MEDEU-IDN'];
      const rows = Array.from({ length: 10_500 }, (_, i) =>
        person(`BIG-${i}`, { full_name: `Қасымов Талғат ${i}`, unit_code: units[i % units.length] }),
      );
      const before = await snapshot();
      const res = await upload(hrAlmaty, csv(rows));
      expect(res.status).toBe(200);
      expect(res.body).toEqual(summary({ created: 10_500, updated: 0, unchanged: 0 }));
      expect((await snapshot()).count).toBe(before.count + 10_500);
      expect(await stored('BIG-10499')).toEqual(rows[10_499]);
      // Patrol officers of Almaty: the demo's rules for the programme enrolled each of them, in the same request.
      const [{ enrolled, courses }] = await t.sql<{ enrolled: number; courses: number }>(
        `SELECT count(*)::int AS enrolled, count(DISTINCT e.course_id)::int AS courses
         FROM enrollment e JOIN officer o ON o.id = e.officer_id WHERE o.personnel_number LIKE 'BIG-%'`,
      );
      expect(courses).toBeGreaterThan(0);
      expect(enrolled).toBe(10_500 * courses);
      const again = await upload(hrAlmaty, csv(rows));
      expect(again.body).toEqual(summary({ created: 0, updated: 0, unchanged: 10_500 }));
    }, 90_000);
  });

  describe('files as Excel saves them in the Russian and Kazakh locales', () => {
    const names = { ru: 'Иванов Пётр Сергеевич', kk: 'Серікұлы Әлия Қанатқызы' };
    const semicolons = (rows: Row[]) => csv(rows).replaceAll(',', ';');

    it('stores Cyrillic names of a Windows-1251 file correctly, detected without being told', async () => {
      const rows = [person('CP-1', { full_name: names.ru, rank: 'майор полиции', language: 'ru' })];
      const res = await upload(hrAlmaty, iconv.encode(semicolons(rows), 'cp1251'));
      expect(res.status).toBe(200);
      expect(res.body).toEqual(summary({ created: 1, encoding: 'windows-1251' }));
      expect(await stored('CP-1')).toEqual(rows[0]);
    });

    it('reads the charset of the Content-Type, and stores Kazakh letters of a KZ-1048 file', async () => {
      const ru = person('CP-2', { full_name: 'Петрова Анна', position: 'инспектор' });
      const cp1251 = await upload(hrAlmaty, iconv.encode(csv([ru]), 'cp1251'), 'text/csv; charset=windows-1251');
      expect(cp1251.body).toMatchObject({ created: 1, encoding: 'windows-1251' });
      expect(await stored('CP-2')).toEqual(ru);
      const kk = person('KZ-1048-1', { full_name: names.kk, rank: 'полиция капитаны' });
      const kz = await upload(hrAlmaty, iconv.encode(csv([kk]), 'rk1048'), 'text/csv; charset=kz-1048');
      expect(kz.body).toMatchObject({ created: 1, encoding: 'kz-1048' });
      expect(await stored('KZ-1048-1')).toEqual(kk);
    });

    it('refuses bytes valid in no accepted encoding with 422, naming the line, and writes nothing', async () => {
      const before = await snapshot();
      const good = Buffer.from(csv([person('BAD-ENC-1')]), 'utf8');
      const broken = Buffer.concat([good, Buffer.from('BAD-ENC-2,'), Buffer.from([0xd0, 0x28, 0x0a])]);
      const utf8 = await upload(hrAlmaty, broken, 'text/csv; charset=utf-8');
      expectRejected(utf8, [{ line: 3, field: 'file', message: expect.stringContaining('utf-8') }]);
      const hole = Buffer.concat([iconv.encode(csv([person('BAD-ENC-3')]), 'cp1251'), Buffer.from([0xc0, 0x98, 0x0a])]);
      expectRejected(await upload(hrAlmaty, hole), [{ line: 3, field: 'file' }]);
      expect(await snapshot()).toEqual(before);
      expectProblem(await upload(hrAlmaty, good, 'text/csv; charset=latin1'), 415);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('refused files: 422 and nothing written', () => {
    let before: { count: number; hash: string };
    beforeEach(async () => {
      before = await snapshot();
    });
    afterEach(async () => {
      expect(await snapshot()).toEqual(before);
    });

    it('reports an unknown unit code with its line', async () => {
      const res = await upload(hrAlmaty, csv([person('ERR-1'), person('ERR-2', { unit_code: 'ALM-NOWHERE' })]));
      expectRejected(res, [{ line: 3, field: 'unit_code', message: expect.stringContaining('ALM-NOWHERE') }]);
    });

    it('reports a bad service type with its line', async () => {
      const res = await upload(hrAlmaty, csv([person('ERR-1', { service_type: 'swat' })]));
      expectRejected(res, [{ line: 2, field: 'service_type', message: expect.stringContaining('patrol') }]);
    });

    it('reports a personnel number repeated in the file, naming the first line', async () => {
      const res = await upload(
        hrAlmaty,
        csv([person('DUP-1'), person('DUP-2'), person('DUP-1', { rank: 'майор полиции' })]),
      );
      expectRejected(res, [{ line: 4, field: 'personnel_number', message: expect.stringContaining('line 2') }]);
    });

    it('reports each missing field by name', async () => {
      const res = await upload(
        hrAlmaty,
        csv([person('MISS-1', { rank: '' }), person('MISS-2', { full_name: '  ', language: '' })]),
      );
      expectRejected(res, [
        { line: 2, field: 'rank' },
        { line: 3, field: 'full_name' },
        { line: 3, field: 'language' },
      ]);
    });

    it('reports a line with the wrong number of fields', async () => {
      const body = `${HEADER}\nSHORT-1,Ахметов Ерлан,капитан полиции\n`;
      expectRejected(await upload(hrAlmaty, body), [{ line: 2, field: 'line', message: expect.stringContaining('8') }]);
    });

    it('reports a missing header column on line 1', async () => {
      const columns = COLUMNS.filter((column) => column !== 'status');
      const res = await upload(hrAlmaty, csv([person('HEAD-1')], columns));
      expectRejected(res, [{ line: 1, field: 'status', message: expect.stringContaining('missing') }]);
    });

    it('reports a wrong header column on line 1', async () => {
      const body = csv([person('HEAD-2')]).replace('unit_code', 'unit');
      const res = await upload(hrAlmaty, body);
      expectRejected(res, [
        { line: 1, field: 'unit', message: 'unknown column' },
        { line: 1, field: 'unit_code', message: 'required column is missing' },
      ]);
    });

    it('reports a file without a header', async () => {
      const res = await upload(hrAlmaty, line(person('NOHEAD-1')) + '\n');
      expect(res.status).toBe(422);
      expect(res.body.errors.every((e: { line: number }) => e.line === 1)).toBe(true);
      expect(res.body.errors.length).toBeGreaterThan(0);
    });

    it('reports correct line numbers in a CRLF file with a byte order mark', async () => {
      const body =
        '\uFEFF' + csv([person('LN-1'), person('LN-2'), person('LN-3', { status: 'fired' })], COLUMNS, '\r\n');
      expectRejected(await upload(hrAlmaty, body), [{ line: 4, field: 'status' }]);
    });

    it('refuses JSON text', async () => {
      const body = JSON.stringify({ officers: [{ personnel_number: 'JSON-1', full_name: 'Ахметов' }] });
      const res = await upload(hrAlmaty, body);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.length).toBeGreaterThan(0);
      expect(res.body.errors[0]).toMatchObject({ line: 1, field: 'file' });
    });

    it('refuses a JSON array', async () => {
      const res = await upload(hrAlmaty, JSON.stringify([person('JSON-2')]));
      expectProblem(res, 422, 'officer-import-rejected');
    });

    it('refuses binary content', async () => {
      // The start of a ZIP (xlsx) file followed by noise.
      const binary = Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]),
        Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)),
      ]);
      const res = await upload(hrAlmaty, binary);
      expectProblem(res, 422, 'officer-import-rejected');
    });

    it('refuses an empty file', async () => {
      expectRejected(await upload(hrAlmaty, ''), [{ line: 1, field: 'file' }]);
    });

    it('refuses 10,000 good rows because of one bad row at the end', async () => {
      const rows = Array.from({ length: 10_000 }, (_, i) => person(`BULK-${i}`));
      rows.push(person('BULK-BAD', { unit_code: 'NO-SUCH-UNIT' }));
      const res = await upload(hrAlmaty, csv(rows));
      expectRejected(res, [{ line: 10_002, field: 'unit_code' }]);
      expect(res.body.errorCount).toBe(1);
      expect(await t.sql(`SELECT 1 FROM officer WHERE personnel_number LIKE 'BULK-%'`)).toEqual([]);
    });

    it('refuses 10,000 good rows because of one bad row at the start', async () => {
      const rows = Array.from({ length: 10_000 }, (_, i) => person(`BULK2-${i}`));
      rows.unshift(person('BULK2-BAD', { language: 'en' }));
      expectRejected(await upload(hrAlmaty, csv(rows)), [{ line: 2, field: 'language' }]);
    });

    it('refuses a file that also changes existing officers, leaving them as they were', async () => {
      const existing = await exported('ALM-BOST-UP');
      const rows = existing.map((row) => ({ ...row, rank: 'генерал-майор полиции' }));
      rows.push(person('MIX-1', { service_type: 'cavalry' }));
      expectRejected(await upload(hrAlmaty, csv(rows)), [{ line: rows.length + 1, field: 'service_type' }]);
    });

    it('refuses HR a row naming a unit of another region', async () => {
      const res = await upload(hrAlmaty, csv([person('SCOPE-1'), person('SCOPE-2', { unit_code: 'AST-ESIL-PPS' })]));
      expectRejected(res, [{ line: 3, field: 'unit_code', message: expect.stringContaining('AST-ESIL-PPS') }]);
    });

    it('refuses HR a personnel number that belongs to an officer of another region', async () => {
      const [astOfficer] = await exported('AST');
      const res = await upload(hrAlmaty, csv([person('SCOPE-3'), { ...astOfficer, unit_code: 'ALM-BOST-PPS' }]));
      expectRejected(res, [{ line: 3, field: 'personnel_number' }]);
      expect((await stored(astOfficer.personnel_number))!.unit_code).toBe(astOfficer.unit_code);
    });

    it('refuses HR another region’s officer even after 10,000 good rows', async () => {
      const [astOfficer] = await exported('AST-SARY');
      const rows = Array.from({ length: 10_000 }, (_, i) => person(`SCOPE-BULK-${i}`));
      rows.push({ ...astOfficer, unit_code: 'ALM-BOST-PPS' });
      const res = await upload(hrAlmaty, csv(rows));
      expectRejected(res, [{ line: 10_002, field: 'personnel_number' }]);
      expect(await t.sql(`SELECT 1 FROM officer WHERE personnel_number LIKE 'SCOPE-BULK-%'`)).toEqual([]);
    });

    it.each([
      ['application/json'],
      ['application/octet-stream'],
      ['multipart/form-data; boundary=x'],
      ['application/vnd.ms-excel'],
    ])('refuses the content type %s with 415', async (type) => {
      const body = type === 'application/json' ? JSON.stringify({ csv: csv([person('CT-1')]) }) : csv([person('CT-1')]);
      const res = await upload(hrAlmaty, body, type);
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.type).toBe('/problems/unsupported-media-type');
    });

    it('refuses trainers and officers with 403', async () => {
      for (const token of [trainer, officer]) {
        const res = await upload(token, csv([person('ROLE-1')]));
        expect(res.status).toBe(403);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });
  });
});
