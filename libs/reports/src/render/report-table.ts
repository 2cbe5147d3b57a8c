import { Language } from '@lms/core';

export type Cell = string | number | null;

export interface TableColumn {
  label: string;
  /** Relative width: characters in XLSX, a share of the line in PDF. */
  width: number;
  kind: 'text' | 'count' | 'percent';
}

/**
 * What every file format draws: a title, a few labelled facts, one table
 * with an optional total line, and notes. Builders turn a report into this;
 * renderers know nothing about reports.
 */
export interface ReportTable {
  language: Language;
  title: string;
  meta: { label: string; value: string }[];
  columns: TableColumn[];
  rows: Cell[][];
  total: Cell[] | null;
  notes: string[];
  /** Without extension; ASCII-safe is not required. */
  fileName: string;
  sheetName: string;
}

/** A cell as people read it: percentages with one decimal, nothing for null. */
export function cellText(cell: Cell, column: TableColumn): string {
  if (cell === null) return '';
  if (column.kind === 'percent' && typeof cell === 'number') return cell.toFixed(1);
  return String(cell);
}

/** An instant in a time zone, as `YYYY-MM-DD HH:mm`. */
export function formatInstant(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** An instant's calendar day in a time zone, as `YYYY-MM-DD`. */
export function formatDay(instant: string | Date | null, timeZone: string): string {
  if (instant === null) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(instant));
}

/** An order's number as written on documents: `№ 345`, whether or not HR typed the sign. */
export function orderNumber(number: string): string {
  return number.startsWith('№') ? number : `№ ${number}`;
}
