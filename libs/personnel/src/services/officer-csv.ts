import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { cleanText } from '@lms/core';
import { ImportLineError } from '../dto/officer.response';
import { PERSONNEL_NUMBER } from '../dto/officer.dto';
import { OFFICER_LANGUAGES, OFFICER_STATUSES, SERVICE_TYPES } from '../entities/officer.entity';

export const CSV_COLUMNS = [
  'personnel_number',
  'full_name',
  'rank',
  'position',
  'service_type',
  'unit_code',
  'status',
  'language',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** Beyond this many, errors are counted but not listed. */
export const MAX_LISTED_ERRORS = 1000;

const MAX_LENGTH: Partial<Record<Column, number>> = { full_name: 300, rank: 100, position: 200 };
const ALLOWED: Partial<Record<Column, readonly string[]>> = {
  service_type: SERVICE_TYPES,
  status: OFFICER_STATUSES,
  language: OFFICER_LANGUAGES,
};

/** Valid rows in columns, ready to be bound as arrays to one set-based statement. */
export interface OfficerColumns {
  personnelNumber: string[];
  fullName: string[];
  rank: string[];
  position: string[];
  serviceType: string[];
  unitId: string[];
  status: string[];
  language: string[];
}

export interface ParsedOfficerCsv {
  rows: OfficerColumns;
  /** Line of each row, to report errors found later by the database. */
  lines: number[];
  errors: ImportLineError[];
  errorCount: number;
}

export interface UnitLookup {
  /** The unit id for a code the caller may write to; a message when it may not. */
  resolve(code: string): { id: string } | { error: string };
}

function emptyColumns(): OfficerColumns {
  return {
    personnelNumber: [],
    fullName: [],
    rank: [],
    position: [],
    serviceType: [],
    unitId: [],
    status: [],
    language: [],
  };
}

class ErrorList {
  readonly items: ImportLineError[] = [];
  count = 0;
  add(line: number, field: string, message: string): void {
    this.count++;
    if (this.items.length < MAX_LISTED_ERRORS) this.items.push({ line, field, message });
  }
}

function headerIndex(header: string[], errors: ErrorList): Map<Column, number> | null {
  const names = header.map((name) => name.trim().toLowerCase());
  const index = new Map<Column, number>();
  names.forEach((name, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) errors.add(1, name || `column ${i + 1}`, 'unknown column');
    else if (index.has(name as Column)) errors.add(1, name, 'column appears twice');
    else index.set(name as Column, i);
  });
  for (const column of CSV_COLUMNS) if (!index.has(column)) errors.add(1, column, 'required column is missing');
  return errors.count === 0 ? index : null;
}

/**
 * Streams HR's CSV export (UTF-8, optional BOM, CRLF or LF, quoted fields),
 * validating every line; nothing is written here. Without a sink the valid
 * rows are returned; with one they go to it in batches as they are read.
 */
/**
 * Excel saves "CSV" with semicolons where the decimal separator is a comma
 * (the Russian and Kazakh locales), so the header line decides: semicolons
 * and no commas there mean a semicolon file. The bytes read to decide are put
 * back in front of the rest of the stream.
 */
async function sniffDelimiter(input: Readable): Promise<{ delimiter: ',' | ';'; stream: Readable }> {
  const iterator = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let exhausted = false;
  while (size < 64 * 1024) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    head.push(chunk);
    size += chunk.length;
    if (chunk.includes(0x0a)) break;
  }
  const headerLine = Buffer.concat(head).toString('utf8').split(/\r?\n/)[0];
  const delimiter = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  async function* replay(): AsyncGenerator<Buffer> {
    yield* head;
    if (exhausted) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    }
  }
  return { delimiter, stream: Readable.from(replay()) };
}

/** Receives valid rows in batches while the file is still being read (only while no line has failed). */
export type BatchSink = (rows: OfficerColumns, lines: number[]) => Promise<void>;

/** Rows per batch handed to a sink: big enough for set-based SQL, small enough to keep memory flat. */
export const BATCH_SIZE = 10_000;

export async function parseOfficerCsv(input: Readable, units: UnitLookup, sink?: BatchSink): Promise<ParsedOfficerCsv> {
  const errors = new ErrorList();
  let rows = emptyColumns();
  let lines: number[] = [];
  const flush = async () => {
    if (!sink || lines.length === 0) return;
    const batch = rows;
    const batchLines = lines;
    rows = emptyColumns();
    lines = [];
    await sink(batch, batchLines);
  };
  const seen = new Map<string, number>();
  const { delimiter, stream } = await sniffDelimiter(input);
  const parser = stream.pipe(
    parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: 64 * 1024,
    }),
  );
  stream.on('error', (error) => parser.destroy(error));
  let index: Map<Column, number> | null | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (index === undefined) {
        index = headerIndex(record, errors);
        if (!index) break;
        continue;
      }
      const columns = index!;
      const line = info.lines;
      if (record.length !== columns.size) {
        errors.add(line, 'line', `expected ${columns.size} fields, found ${record.length}`);
        continue;
      }
      const value = (column: Column) => cleanText(record[columns.get(column)!]); // as the API's DTOs clean it
      let valid = true;
      const fail = (field: Column, message: string) => {
        valid = false;
        errors.add(line, field, message);
      };
      const values = {} as Record<Column, string>;
      for (const column of CSV_COLUMNS) {
        let text = value(column);
        if (column === 'service_type' || column === 'status' || column === 'language') text = text.toLowerCase();
        values[column] = text;
        if (text === '') fail(column, 'is required');
        else if ((MAX_LENGTH[column] ?? Infinity) < text.length)
          fail(column, `is longer than ${MAX_LENGTH[column]} characters`);
        else if (ALLOWED[column] && !ALLOWED[column].includes(text))
          fail(column, `must be one of ${ALLOWED[column].join(', ')}`);
      }
      if (values.personnel_number && !PERSONNEL_NUMBER.test(values.personnel_number)) {
        fail('personnel_number', 'must be 1-30 Latin letters, digits or dashes');
      } else if (values.personnel_number) {
        const first = seen.get(values.personnel_number);
        if (first !== undefined) fail('personnel_number', `duplicates line ${first}`);
        else seen.set(values.personnel_number, line);
      }
      let unitId = '';
      if (values.unit_code) {
        const unit = units.resolve(values.unit_code);
        if ('error' in unit) fail('unit_code', unit.error);
        else unitId = unit.id;
      }
      if (!valid || errors.count > 0) continue; // once anything failed, only keep validating
      rows.personnelNumber.push(values.personnel_number);
      rows.fullName.push(values.full_name);
      rows.rank.push(values.rank);
      rows.position.push(values.position);
      rows.serviceType.push(values.service_type);
      rows.unitId.push(unitId);
      rows.status.push(values.status);
      rows.language.push(values.language);
      lines.push(line);
      if (sink && lines.length >= BATCH_SIZE) await flush();
    }
  } catch (error) {
    // By class, not by a CSV_ code prefix: csv-parse's INVALID_OPENING_QUOTE (e.g. JSON text) has none.
    if (!(error instanceof CsvError)) throw error;
    const e = error as { code?: string; lines?: number; message?: string };
    errors.add(e.lines ?? 0, 'file', `not readable as CSV: ${e.message ?? e.code}`);
  }
  // A syntax error can stop the parser before it hands over the header: that file is not empty.
  if (index === undefined && errors.count === 0) errors.add(1, 'file', 'the file is empty: expected a header line');
  if (errors.count === 0) await flush();
  return { rows, lines, errors: errors.items, errorCount: errors.count };
}
