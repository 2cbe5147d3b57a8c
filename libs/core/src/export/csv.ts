import { stringify, Stringifier } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { Language } from '../i18n/localized-text';

/**
 * The characters that make a spreadsheet read a cell as a formula (OWASP,
 * "CSV Injection"): `=`, `+`, `-`, `@`, and tab or carriage return, which
 * Excel skips before looking for one of the others.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

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
 * Every CSV the system writes goes through here (or `csvStream`): CRLF
 * lines, the dialect's separator and BOM, and every text cell formula-safe.
 * `csv-stringify` is imported nowhere else (eslint `no-restricted-imports`).
 */
export function toCsv(rows: readonly (readonly unknown[])[], options: CsvOptions = {}): string {
  const dialect = options.dialect ?? PLAIN_CSV;
  const lines = (options.header ? [options.header, ...rows] : rows) as unknown[][];
  return (dialect.bom ? '\uFEFF' : '') + stringifySync(lines, stringifyOptions(dialect));
}

/**
 * A streaming CSV writer with the same rules as `toCsv`: write arrays into it,
 * pipe it to the response. The header line (and BOM) are written first.
 */
export function csvStream(options: CsvOptions = {}): Stringifier {
  const dialect = options.dialect ?? PLAIN_CSV;
  const stream = stringify(stringifyOptions(dialect));
  const header = options.header ? stringifySync([options.header], stringifyOptions(dialect)) : '';
  const prefix = (dialect.bom ? '\uFEFF' : '') + header;
  if (prefix) stream.push(prefix);
  return stream;
}
