import { dueDayInstant, Language, localDay } from '@lms/core';

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
  /** Further tables after the first, each under its title (a document's officer lists). */
  sections?: ReportSection[];
  /** Lines of a sign-off block at the end, each with room to sign or write. */
  signOff?: string[];
  /** Printed at the foot of every PDF page (a frozen document's hash and verification code). */
  footer?: string;
  /** The document's date for file metadata: the same bytes at every rendering. */
  createdAt?: string;
}

export interface ReportSection {
  title: string;
  columns: TableColumn[];
  rows: Cell[][];
  /** Shown instead of an empty table. */
  empty: string;
}

/** A cell as people read it: percentages with one decimal (a comma in ru and kk), nothing for null. */
export function cellText(cell: Cell, column: TableColumn, language: Language = 'en'): string {
  if (cell === null) return '';
  if (column.kind === 'percent' && typeof cell === 'number') {
    const text = cell.toFixed(1);
    return language === 'en' ? text : text.replace('.', ',');
  }
  return String(cell);
}

/**
 * One formatter per time zone and pattern: building an `Intl.DateTimeFormat`
 * costs far more than using one (a region's document formats ~40,000 dates).
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: 'day' | 'time'): Intl.DateTimeFormat {
  const key = `${options} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      'ru-RU',
      options === 'day'
        ? { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }
        : { timeZone, hour: '2-digit', minute: '2-digit' },
    );
    formats.set(key, format);
  }
  return format;
}

/** A calendar day as the ministry's documents write it: 31.12.2026, in every language. */
export function formatDate(instant: string | Date | null, timeZone: string): string {
  if (instant === null) return '';
  return formatter(timeZone, 'day').format(new Date(instant));
}

/** A calendar day stored as `YYYY-MM-DD` (an order's date, its deadline) as documents write it: 31.12.2026. */
export function formatCalendarDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

/** A due date (stored as the end of its day, see `dueDayInstant`): a rule due 31 December prints 31.12, never 01.01. */
export function formatDueDate(instant: string | Date | null, timeZone: string): string {
  if (instant === null) return '';
  return formatDate(dueDayInstant(instant), timeZone);
}

/** An instant as documents write it: 31.12.2026 18:05. */
export function formatMoment(instant: string | Date, timeZone: string): string {
  const date = new Date(instant);
  const time = formatter(timeZone, 'time').format(date);
  return `${formatDate(date, timeZone)} ${time}`;
}

/** An instant's calendar day in a time zone, as `YYYY-MM-DD`. */
export function formatDay(instant: string | Date | null, timeZone: string): string {
  if (instant === null) return '';
  return localDay(instant, timeZone);
}

/** An order's number as written on documents: `№ 345`, whether or not HR typed the sign. */
export function orderNumber(number: string): string {
  return number.startsWith('№') ? number : `№ ${number}`;
}
