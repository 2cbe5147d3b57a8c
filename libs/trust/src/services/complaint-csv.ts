import { parse } from 'csv-parse/sync';
import { cleanText, FieldProblem } from '@lms/core';
import { COMPLAINT_CATEGORIES, COMPLAINT_OUTCOMES } from '../entities/trust.entities';

/** The register's columns; `number` and `personnel_number` may be left empty. */
export const COMPLAINT_COLUMNS = ['number', 'date', 'unit_code', 'personnel_number', 'category', 'outcome'] as const;
const REQUIRED = ['date', 'unit_code', 'category', 'outcome'] as const;

export interface ComplaintLine {
  line: number;
  number: string | null;
  date: string;
  unitCode: string;
  personnelNumber: string | null;
  category: string;
  outcome: string;
}

/**
 * Reads the complaints register (comma- or semicolon-separated, header
 * first): every line checked on its own; lookups of units and officers are
 * the caller's. Errors name the line and the column.
 */
export function parseComplaintCsv(text: string): { lines: ComplaintLine[]; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  let records: string[][];
  try {
    const delimiter = (text.split('\n', 1)[0].match(/;/g)?.length ?? 0) > 0 ? ';' : ',';
    records = parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    return {
      lines: [],
      errors: [{ line: 1, field: 'file', message: `not readable as CSV: ${(error as Error).message}` }],
    };
  }
  const [header, ...rows] = records;
  const names = (header ?? []).map((name) => name.trim().toLowerCase());
  for (const column of REQUIRED) {
    if (!names.includes(column)) errors.push({ line: 1, field: column, message: 'column missing from the header' });
  }
  if (errors.length) return { lines: [], errors };
  const at = (row: string[], column: string) => {
    const i = names.indexOf(column);
    const value = i < 0 ? '' : cleanText(row[i] ?? '');
    return typeof value === 'string' ? value : '';
  };
  const lines: ComplaintLine[] = [];
  const numbers = new Map<string, number>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const item: ComplaintLine = {
      line,
      number: at(row, 'number') || null,
      date: at(row, 'date'),
      unitCode: at(row, 'unit_code').toUpperCase(),
      personnelNumber: at(row, 'personnel_number') || null,
      category: at(row, 'category').toLowerCase(),
      outcome: at(row, 'outcome').toLowerCase(),
    };
    const fail = (field: string, message: string) => errors.push({ line, field, message });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(item.date) || Number.isNaN(Date.parse(`${item.date}T00:00:00Z`))) {
      fail('date', 'must be a date YYYY-MM-DD');
    }
    if (!item.unitCode) fail('unit_code', 'required');
    if (!(COMPLAINT_CATEGORIES as readonly string[]).includes(item.category)) {
      fail('category', `must be one of ${COMPLAINT_CATEGORIES.join(', ')}`);
    }
    if (!(COMPLAINT_OUTCOMES as readonly string[]).includes(item.outcome)) {
      fail('outcome', `must be one of ${COMPLAINT_OUTCOMES.join(', ')}`);
    }
    if (item.number && item.number.length > 60) fail('number', 'at most 60 characters');
    if (item.number) {
      const first = numbers.get(item.number);
      if (first) fail('number', `the same number as line ${first}`);
      else numbers.set(item.number, line);
    }
    lines.push(item);
  });
  return { lines, errors };
}
