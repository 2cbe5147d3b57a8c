import { Readable } from 'node:stream';
import { CSV_COLUMNS, MAX_LISTED_ERRORS, parseOfficerCsv, UnitLookup } from './officer-csv';

const HEADER = CSV_COLUMNS.join(',');

/** Units by code; codes starting with AST- are "outside the caller's units". */
const UNITS: Record<string, string> = {
  'ALM-BOST-PPS': '11111111-1111-4111-8111-111111111111',
  'ALM-BOST-UP': '22222222-2222-4222-8222-222222222222',
  'AST-ESIL-JP': '33333333-3333-4333-8333-333333333333',
};

const lookup: UnitLookup & { asked: string[] } = {
  asked: [],
  resolve(code) {
    this.asked.push(code);
    const key = code.toUpperCase(); // like the import service: codes match whatever their case
    if (!(key in UNITS)) return { error: `no unit with code ${code}` };
    if (key.startsWith('AST-')) return { error: `unit ${code} is outside your units` };
    return { id: UNITS[key] };
  },
};

function parse(...chunks: (string | Buffer)[]) {
  return parseOfficerCsv(Readable.from(chunks), lookup);
}

function csv(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

const row = (number: string, overrides: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {}) => {
  const values = {
    personnel_number: number,
    full_name: 'Ахметов Ерлан Серікұлы',
    rank: 'капитан полиции',
    position: 'патрульный полицейский',
    service_type: 'patrol',
    unit_code: 'ALM-BOST-PPS',
    status: 'active',
    language: 'kk',
    ...overrides,
  };
  return CSV_COLUMNS.map((column) => values[column]).join(',');
};

beforeEach(() => {
  lookup.asked = [];
});

describe('parseOfficerCsv', () => {
  describe('valid files', () => {
    it('returns every row in columns with the line it came from', async () => {
      const result = await parse(
        csv(
          HEADER,
          row('100001'),
          row('100002', { full_name: 'Әбдірахманова Әсем Қанатқызы', unit_code: 'ALM-BOST-UP', language: 'ru' }),
        ),
      );
      expect(result.errors).toEqual([]);
      expect(result.errorCount).toBe(0);
      expect(result.lines).toEqual([2, 3]);
      expect(result.rows).toEqual({
        personnelNumber: ['100001', '100002'],
        fullName: ['Ахметов Ерлан Серікұлы', 'Әбдірахманова Әсем Қанатқызы'],
        rank: ['капитан полиции', 'капитан полиции'],
        position: ['патрульный полицейский', 'патрульный полицейский'],
        serviceType: ['patrol', 'patrol'],
        unitId: [UNITS['ALM-BOST-PPS'], UNITS['ALM-BOST-UP']],
        status: ['active', 'active'],
        language: ['kk', 'ru'],
      });
    });

    it('accepts a header-only file as zero rows', async () => {
      const result = await parse(HEADER + '\n');
      expect(result.errorCount).toBe(0);
      expect(result.rows.personnelNumber).toEqual([]);
    });

    it('keeps every Kazakh letter intact', async () => {
      const name = 'ӘҒҚҢӨҰҮҺІ әғқңөұүһі';
      const result = await parse(csv(HEADER, row('100001', { full_name: name })));
      expect(result.rows.fullName).toEqual([name]);
    });

    it('keeps multi-byte letters that arrive split across chunks', async () => {
      const bytes = Buffer.from(csv(HEADER, row('100001', { full_name: 'Өтегенов Ғалым Һадисұлы' })), 'utf8');
      const at = bytes.indexOf(Buffer.from('Ө', 'utf8')) + 1; // between the two bytes of Ө
      const result = await parse(bytes.subarray(0, at), bytes.subarray(at));
      expect(result.errors).toEqual([]);
      expect(result.rows.fullName).toEqual(['Өтегенов Ғалым Һадисұлы']);
    });

    it('ignores a UTF-8 byte order mark before the header', async () => {
      const result = await parse('\uFEFF' + csv(HEADER, row('100001')));
      expect(result.errors).toEqual([]);
      expect(result.rows.personnelNumber).toEqual(['100001']);
    });

    it('reads CRLF line endings with the right line numbers', async () => {
      const result = await parse([HEADER, row('100001'), row('100002')].join('\r\n') + '\r\n');
      expect(result.errors).toEqual([]);
      expect(result.lines).toEqual([2, 3]);
      expect(result.rows.language).toEqual(['kk', 'kk']); // no stray \r in the last column
    });

    it('reads quoted fields holding commas and doubled quotes', async () => {
      const result = await parse(
        csv(HEADER, row('100001', { full_name: '"Ахметов ""Ерлан"" Серікұлы"', position: '"инспектор, старший"' })),
      );
      expect(result.errors).toEqual([]);
      expect(result.rows.fullName).toEqual(['Ахметов "Ерлан" Серікұлы']);
      expect(result.rows.position).toEqual(['инспектор, старший']);
    });

    it('reads a semicolon file as Excel writes it in the Russian locale, commas inside fields included', async () => {
      const header = CSV_COLUMNS.join(';');
      const line = '100001;Ахметов Ерлан;капитан полиции;инспектор, старший;patrol;ALM-BOST-PPS;active;kk';
      const result = await parse(csv(header, line), '');
      expect(result.errors).toEqual([]);
      expect(result.rows.position).toEqual(['инспектор, старший']);
      expect(result.lines).toEqual([2]);
    });

    it('finds the header when it arrives in several chunks', async () => {
      const text = csv(HEADER, row('100001'), row('100002'));
      const result = await parse(...text.match(/[\s\S]{1,7}/g)!);
      expect(result.errors).toEqual([]);
      expect(result.rows.personnelNumber).toEqual(['100001', '100002']);
    });

    it('maps columns by header name, in any order and case', async () => {
      const header = 'Language,UNIT_CODE,status,service_type,position,rank,full_name,personnel_number';
      const result = await parse(
        csv(header, 'ru,ALM-BOST-UP,on_leave,traffic,инспектор,майор полиции,Иванов Иван Иванович,A-77'),
      );
      expect(result.errors).toEqual([]);
      expect(result.rows).toMatchObject({
        personnelNumber: ['A-77'],
        fullName: ['Иванов Иван Иванович'],
        rank: ['майор полиции'],
        position: ['инспектор'],
        serviceType: ['traffic'],
        unitId: [UNITS['ALM-BOST-UP']],
        status: ['on_leave'],
        language: ['ru'],
      });
    });

    it('trims fields, lower-cases enumerations and passes unit codes on as written', async () => {
      const result = await parse(
        csv(
          HEADER,
          row(' 100001 ', { service_type: ' PATROL ', status: 'Active', language: 'KK', unit_code: 'alm-bost-pps' }),
        ),
      );
      expect(result.errors).toEqual([]);
      expect(result.rows.personnelNumber).toEqual(['100001']);
      expect(result.rows.serviceType).toEqual(['patrol']);
      expect(result.rows.status).toEqual(['active']);
      expect(result.rows.language).toEqual(['kk']);
      expect(lookup.asked).toEqual(['alm-bost-pps']);
    });

    it('normalises text to NFC so composed and decomposed spellings match', async () => {
      const decomposed = 'Йомартов Ерлан'.normalize('NFD');
      expect(decomposed).not.toBe('Йомартов Ерлан');
      const result = await parse(csv(HEADER, row('100001', { full_name: decomposed })));
      expect(result.rows.fullName).toEqual(['Йомартов Ерлан']);
    });

    it('skips empty lines but counts them in line numbers', async () => {
      const result = await parse(csv(HEADER, '', row('100001'), '', '', row('100002')));
      expect(result.errors).toEqual([]);
      expect(result.lines).toEqual([3, 6]);
    });

    it('accepts text at the maximum lengths', async () => {
      const result = await parse(
        csv(
          HEADER,
          row('A'.repeat(30), { full_name: 'Ә'.repeat(300), rank: 'р'.repeat(100), position: 'п'.repeat(200) }),
        ),
      );
      expect(result.errors).toEqual([]);
      expect(result.rows.fullName[0]).toHaveLength(300);
    });
  });

  describe('header errors', () => {
    it('reports a missing column on line 1 and returns no rows', async () => {
      const header = CSV_COLUMNS.filter((column) => column !== 'language').join(',');
      const result = await parse(csv(header, 'x,y,z,w,patrol,ALM-BOST-PPS,active'));
      expect(result.errors).toEqual([{ line: 1, field: 'language', message: 'required column is missing' }]);
      expect(result.rows.personnelNumber).toEqual([]);
    });

    it('reports an unknown column by its name', async () => {
      const result = await parse(csv(HEADER + ',birth_date', row('100001') + ',1990-01-01'));
      expect(result.errors).toEqual([{ line: 1, field: 'birth_date', message: 'unknown column' }]);
      expect(result.rows.personnelNumber).toEqual([]);
    });

    it('reports a column that appears twice', async () => {
      const result = await parse(csv(HEADER + ',rank', row('100001') + ',майор'));
      expect(result.errors).toEqual([{ line: 1, field: 'rank', message: 'column appears twice' }]);
    });

    it('reports a misspelt header as both unknown and missing', async () => {
      const result = await parse(csv(HEADER.replace('full_name', 'fullname'), row('100001')));
      expect(result.errors).toEqual(
        expect.arrayContaining([
          { line: 1, field: 'fullname', message: 'unknown column' },
          { line: 1, field: 'full_name', message: 'required column is missing' },
        ]),
      );
      expect(result.errorCount).toBe(2);
    });

    it('reports an empty file', async () => {
      const result = await parse('');
      expect(result.errors).toEqual([{ line: 1, field: 'file', message: expect.stringContaining('empty') }]);
    });

    it('reports a file of blank lines as empty', async () => {
      const result = await parse('\r\n\r\n');
      expect(result.errorCount).toBe(1);
      expect(result.errors[0]).toMatchObject({ line: 1, field: 'file' });
    });
  });

  describe('line errors', () => {
    it('reports an unknown unit code with the lookup message', async () => {
      const result = await parse(csv(HEADER, row('100001', { unit_code: 'NOWHERE' })));
      expect(result.errors).toEqual([{ line: 2, field: 'unit_code', message: 'no unit with code NOWHERE' }]);
      expect(result.rows.personnelNumber).toEqual([]);
    });

    it('reports a unit outside the caller’s units', async () => {
      const result = await parse(csv(HEADER, row('100001', { unit_code: 'AST-ESIL-JP' })));
      expect(result.errors).toEqual([
        { line: 2, field: 'unit_code', message: 'unit AST-ESIL-JP is outside your units' },
      ]);
    });

    it('reports values outside each enumeration', async () => {
      const result = await parse(
        csv(
          HEADER,
          row('100001', { service_type: 'swat' }),
          row('100002', { status: 'retired' }),
          row('100003', { language: 'en' }),
        ),
      );
      expect(result.errors).toEqual([
        { line: 2, field: 'service_type', message: expect.stringContaining('patrol') },
        { line: 3, field: 'status', message: expect.stringContaining('on_leave') },
        { line: 4, field: 'language', message: expect.stringContaining('kk') },
      ]);
    });

    it('reports each empty required field by name', async () => {
      const result = await parse(csv(HEADER, row('100001', { rank: '', position: '  ' })));
      expect(result.errors).toEqual([
        { line: 2, field: 'rank', message: 'is required' },
        { line: 2, field: 'position', message: 'is required' },
      ]);
    });

    it('reports text over the column lengths', async () => {
      const result = await parse(
        csv(HEADER, row('100001', { full_name: 'Ә'.repeat(301), rank: 'р'.repeat(101), position: 'п'.repeat(201) })),
      );
      expect(result.errors.map((error) => [error.line, error.field])).toEqual([
        [2, 'full_name'],
        [2, 'rank'],
        [2, 'position'],
      ]);
    });

    it('reports malformed personnel numbers', async () => {
      const result = await parse(csv(HEADER, row('10 01'), row('№100'), row('A'.repeat(31)), row('-100')));
      expect(result.errors.map((error) => [error.line, error.field])).toEqual([
        [2, 'personnel_number'],
        [3, 'personnel_number'],
        [4, 'personnel_number'],
        [5, 'personnel_number'],
      ]);
    });

    it('reports a personnel number repeated in the file, naming the first line', async () => {
      const result = await parse(csv(HEADER, row('100001'), row('100002'), row('100001')));
      expect(result.errors).toEqual([{ line: 4, field: 'personnel_number', message: 'duplicates line 2' }]);
      expect(result.errorCount).toBe(1);
    });

    it('reports a line with too few or too many fields', async () => {
      const result = await parse(csv(HEADER, '100001,Ахметов,капитан', row('100002') + ',extra'));
      expect(result.errors).toEqual([
        { line: 2, field: 'line', message: 'expected 8 fields, found 3' },
        { line: 3, field: 'line', message: 'expected 8 fields, found 9' },
      ]);
    });

    it('keeps validating after the first error but collects no row after it', async () => {
      const result = await parse(
        csv(
          HEADER,
          row('100001'),
          row('100002', { unit_code: 'NOWHERE' }),
          row('100003'),
          row('100004', { status: 'x' }),
        ),
      );
      expect(result.errors.map((error) => error.line)).toEqual([3, 5]);
      expect(result.errorCount).toBe(2);
      // What was valid before the error may be returned, but nothing after it.
      expect(result.rows.personnelNumber).not.toContain('100003');
    });

    it('lists at most MAX_LISTED_ERRORS errors but counts them all', async () => {
      const bad = Array.from({ length: MAX_LISTED_ERRORS + 500 }, (_, i) => row(String(200000 + i), { status: 'x' }));
      const result = await parse(csv(HEADER, ...bad));
      expect(result.errors).toHaveLength(MAX_LISTED_ERRORS);
      expect(result.errorCount).toBe(MAX_LISTED_ERRORS + 500);
      expect(result.errors[0]).toEqual({ line: 2, field: 'status', message: expect.any(String) });
    });
  });

  describe('files that are not CSV', () => {
    it('reports JSON text as unreadable instead of throwing', async () => {
      const result = await parse(JSON.stringify([{ personnel_number: '100001', full_name: 'Ахметов' }]));
      expect(result.errorCount).toBeGreaterThan(0);
      expect(result.errors[0]).toMatchObject({
        line: 1,
        field: 'file',
        message: expect.stringContaining('not readable as CSV'),
      });
      expect(result.rows.personnelNumber).toEqual([]);
    });

    it('reports an unclosed quote with its line and nothing else', async () => {
      const result = await parse(csv(HEADER, row('100001'), row('100002', { full_name: '"Ахметов' })));
      expect(result.errors).toEqual([
        { line: expect.any(Number), field: 'file', message: expect.stringContaining('Quote Not Closed') },
      ]);
      expect(result.errorCount).toBe(1);
    });

    it('reports a quote inside an unquoted field', async () => {
      const result = await parse(csv(HEADER, row('100001', { full_name: 'Ахметов "Ерлан"' })));
      expect(result.errorCount).toBeGreaterThan(0);
      expect(result.errors.every((error) => error.field === 'file')).toBe(true);
    });

    it('refuses binary content', async () => {
      const binary = Buffer.from([
        0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x22, 0x0a, 0x9c, 0x00,
      ]);
      const result = await parse(binary);
      expect(result.errorCount).toBeGreaterThan(0);
      expect(result.rows.personnelNumber).toEqual([]);
    });

    it('rejects with the stream’s own error when the input fails', async () => {
      const failing = new Readable({
        read() {
          this.push(HEADER + '\n');
          this.destroy(new Error('connection reset'));
        },
      });
      await expect(parseOfficerCsv(failing, lookup)).rejects.toThrow('connection reset');
    });
  });
});
