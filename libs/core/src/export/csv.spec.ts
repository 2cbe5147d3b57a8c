import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CsvCell, csvDialect, csvLine, csvStream, neutraliseFormula, toCsv } from './csv';

const DANGEROUS = ['=HYPERLINK("http://x","y")', '+7 701', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];

describe('formula-safe CSV', () => {
  it.each(DANGEROUS)('neutralises a cell that starts a formula: %j', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone, even with those characters inside', () => {
    for (const value of ['Иванов И.И.', 'a=b', 'x-1', 'mail@host', '', "'quoted"])
      expect(neutraliseFormula(value)).toBe(value);
  });

  it('writes every dangerous text cell with an apostrophe, numbers as numbers, CRLF lines', () => {
    const csv = toCsv(
      DANGEROUS.map((value, i) => [value, -i]),
      { header: ['name', 'n'] },
    );
    expect(csv.startsWith('\uFEFF')).toBe(false);
    expect(csv).toContain('\r\n');
    const rows: string[][] = parse(csv, { relax_quotes: true });
    expect(rows[0]).toEqual(['name', 'n']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(DANGEROUS.map((value) => `'${value}`));
    expect(rows.slice(1).map((row) => row[1])).toEqual(DANGEROUS.map((_, i) => String(-i)));
  });

  it('uses semicolons and a BOM for Russian and Kazakh Excel, commas for English', () => {
    expect(csvDialect('ru')).toEqual({ delimiter: ';', bom: true });
    expect(csvDialect('kk')).toEqual({ delimiter: ';', bom: true });
    expect(csvDialect('en')).toEqual({ delimiter: ',', bom: true });
    const csv = toCsv([['Алматы; ДП', 12.5]], { dialect: csvDialect('ru'), header: ['Подразделение', 'n'] });
    expect(csv).toBe('\uFEFFПодразделение;n\r\n"Алматы; ДП";12.5\r\n');
  });

  it('streams with the same rules, header and BOM first', async () => {
    const stream = csvStream({ dialect: csvDialect('kk'), header: ['a', 'b'] });
    Readable.from([['=1', 'x']]).pipe(stream);
    expect((await buffer(stream)).toString('utf8')).toBe("\uFEFFa;b\r\n'=1;x\r\n");
  });

  it('writes a line exactly as csv-stringify (toCsv) does, in every dialect', () => {
    // Text rich in what matters: separators, quotes, line breaks, formula starts, Cyrillic.
    const text = fc.stringMatching(/^[=+\-@\t\r\n;,"' aЖә0-9]{0,6}$/);
    const cell: fc.Arbitrary<CsvCell> = fc.oneof(text, fc.integer({ min: -1000, max: 1000 }), fc.constant(null));
    const language = fc.constantFrom('ru' as const, 'kk' as const, 'en' as const);
    fc.assert(
      fc.property(language, fc.array(cell, { minLength: 1, maxLength: 6 }), (lang, cells) => {
        const dialect = { ...csvDialect(lang), bom: false };
        expect(csvLine(dialect)(cells)).toBe(toCsv([cells], { dialect }));
      }),
      { numRuns: 2000 },
    );
  });
});
