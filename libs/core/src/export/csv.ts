import { Transform } from 'node:stream';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { Language } from '../i18n/localized-text';

/**
 * The characters that make a spreadsheet read a cell as a formula (OWASP,
 * "CSV Injection"): `=`, `+`, `-`, `@`, and tab or carriage return, which
 * Excel skips before looking for one of the others.
 */
export const FORMULA_START_CHARACTERS = ['=', '+', '-', '@', '\t', '\r'] as const;
const FORMULA_START = new RegExp(`^[${FORMULA_START_CHARACTERS.map((c) => (c === '-' ? '\\-' : c)).join('')}]`);

/**
 * A text cell as a spreadsheet must show it: one that would start a formula
 * gets a leading apostrophe, which Excel and LibreOffice take as "this is
 * text" (a name such as `=HYPERLINK(...)` from a personnel file stays a name).
 * Numbers are not text and are never passed here.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** How a CSV is laid out for the people who open it. */
export interface CsvDialect {
  /** `;` where the decimal comma is the list separator's neighbour (Excel in ru-KZ, kk-KZ), else `,`. */
  delimiter: ',' | ';';
  /** A UTF-8 byte-order mark, so Excel reads Cyrillic and Kazakh letters as UTF-8. */
  bom: boolean;
}

/**
 * The CSV Excel opens in columns in each language's locale: Russian and
 * Kazakh Excel split on semicolons, English on commas; all with a BOM.
 */
export function csvDialect(language: Language): CsvDialect {
  return { delimiter: language === 'en' ? ',' : ';', bom: true };
}

/** The default for files without a language (account lists): commas, no BOM. */
export const PLAIN_CSV: CsvDialect = { delimiter: ',', bom: false };

export interface CsvOptions {
  dialect?: CsvDialect;
  /** A header line written first. */
  header?: readonly string[];
}

function stringifyOptions(dialect: CsvDialect) {
  return {
    delimiter: dialect.delimiter,
    record_delimiter: 'windows' as const,
    bom: false,
    cast: {
      string: neutraliseFormula,
      number: (value: number) => String(value),
      date: (value: Date) => value.toISOString(),
    },
  };
}

/**
 * Every CSV the system writes goes through here (or `csvStream`, or `crlfCsv` for one PostgreSQL writes): CRLF
 * lines, the dialect's separator and BOM, and every text cell formula-safe.
 * `csv-stringify` is imported nowhere else (eslint `no-restricted-imports`).
 */
export function toCsv(rows: readonly (readonly unknown[])[], options: CsvOptions = {}): string {
  const dialect = options.dialect ?? PLAIN_CSV;
  const lines = (options.header ? [options.header, ...rows] : rows) as unknown[][];
  return (dialect.bom ? '\uFEFF' : '') + stringifySync(lines, stringifyOptions(dialect));
}

/** A cell `csvLine` writes: text (made formula-safe), a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/**
 * One record as one CSV line (CRLF ended), by exactly `toCsv`'s rules (text
 * cells formula-safe; a cell holding the separator, a quote or CRLF quoted,
 * its quotes doubled; numbers as `String(n)`; null empty), without
 * `csv-stringify`'s per-record option handling: the streamed exports format
 * millions of records. A property test holds the two to the same bytes.
 */
export function csvLine(dialect: CsvDialect): (cells: readonly CsvCell[]) => string {
  const { delimiter } = dialect;
  // As csv-stringify with a CRLF record delimiter: a lone CR or LF is not quoted.
  const needsQuotes = delimiter === ';' ? /[";]|\r\n/ : /[",]|\r\n/;
  const cell = (value: CsvCell): string => {
    if (value === null || value === undefined || value === '') return '';
    const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
    return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (cells) => {
    let line = cells.length ? cell(cells[0]) : '';
    for (let i = 1; i < cells.length; i++) line += delimiter + cell(cells[i]);
    return line + '\r\n';
  };
}

/** The BOM (if the dialect has one) and the header line a streamed CSV starts with. */
export function csvPrefix(options: CsvOptions): string {
  const dialect = options.dialect ?? PLAIN_CSV;
  return (dialect.bom ? '\uFEFF' : '') + (options.header ? csvLine(dialect)(options.header) : '');
}

/**
 * A streaming CSV writer with the same rules as `toCsv`: write records
 * (arrays of cells) into it, pipe it to the response. The header line (and
 * BOM) are written first.
 */
export function csvStream(options: CsvOptions = {}): Transform {
  const line = csvLine(options.dialect ?? PLAIN_CSV);
  const stream = new Transform({
    writableObjectMode: true,
    transform(record: readonly CsvCell[], _encoding, done) {
      done(null, line(record));
    },
  });
  const prefix = csvPrefix(options);
  if (prefix) stream.push(prefix);
  return stream;
}
