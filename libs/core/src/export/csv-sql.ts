import { Transform } from 'node:stream';
import { escapeLiteral } from 'pg';
import { CsvDialect, csvPrefix, FORMULA_START_CHARACTERS } from './csv';

/**
 * `neutraliseFormula` as a SQL expression over a text `expr`, for CSVs that
 * PostgreSQL writes itself (`COPY ... TO STDOUT`): the same leading
 * characters get the same apostrophe, and an empty text is printed as an
 * empty cell (NULL), as `csvLine` prints it.
 */
export function formulaSafeSql(expr: string): string {
  // ascii() of the first character: an integer compared, cheaper per cell than a text one.
  const codes = FORMULA_START_CHARACTERS.map((c) => c.charCodeAt(0)).join(', ');
  return `(CASE WHEN ascii(${expr}) IN (${codes}) THEN '''' || ${expr} ELSE nullif(${expr}, '') END)`;
}

/** `COPY (select) TO STDOUT` as a CSV of the dialect's separator, without a header (written apart, translated). */
export function copyCsvSql(select: string, dialect: CsvDialect): string {
  return `COPY (${select}) TO STDOUT WITH (FORMAT csv, DELIMITER '${dialect.delimiter}')`;
}

/** A value as a SQL literal: text quoted and escaped, arrays as array literals, numbers and booleans as themselves. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return escapeLiteral(value.toISOString());
  if (Array.isArray(value)) {
    const items = value.map((item) => {
      if (typeof item !== 'string') throw new Error('only arrays of text are written as literals');
      return `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`;
    });
    return escapeLiteral(`{${items.join(',')}}`);
  }
  if (typeof value === 'string') return escapeLiteral(value);
  throw new Error(`no SQL literal for ${typeof value}`);
}

/**
 * A statement's `$n` parameters written into its text as literals, for the
 * one statement that cannot take parameters (COPY). Every value goes through
 * `sqlLiteral`, which quotes and escapes it; the statement's own text must
 * hold no `$` other than its parameters (checked).
 */
export function withLiterals(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)|\$/g, (match, n: string | undefined) => {
    const index = Number(n) - 1;
    if (n === undefined || index >= params.length) throw new Error(`a stray ${match} in a statement given literals`);
    return sqlLiteral(params[index]);
  });
}

/**
 * Bytes of a CSV that PostgreSQL wrote (LF line ends) as this system writes
 * CSVs: the BOM and header line first, then every record ended by CRLF. A
 * line feed inside a quoted cell is part of the cell and stays as it is; the
 * quote state carries over from one chunk to the next.
 */
export function crlfCsv(dialect: CsvDialect, header?: readonly string[]): Transform {
  let quoted = false;
  const prefix = csvPrefix({ dialect, header });
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const ends: number[] = [];
      if (!quoted && chunk.indexOf(QUOTE) === -1) {
        // No quoted cell in this chunk (the usual case): every LF ends a record.
        for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) ends.push(i);
      } else {
        for (let i = 0; i < chunk.length; i++) {
          const byte = chunk[i];
          if (byte === QUOTE) quoted = !quoted;
          else if (byte === LF && !quoted) ends.push(i);
        }
      }
      if (ends.length === 0) return done(null, chunk);
      const out = Buffer.allocUnsafe(chunk.length + ends.length);
      let from = 0;
      let at = 0;
      for (const end of ends) {
        at += chunk.copy(out, at, from, end);
        out[at++] = CR;
        out[at++] = LF;
        from = end + 1;
      }
      chunk.copy(out, at, from);
      done(null, out);
    },
  });
  if (prefix) stream.push(prefix);
  return stream;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
