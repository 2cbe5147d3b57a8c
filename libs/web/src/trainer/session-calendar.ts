import type { Language } from '@lms/core';
import { LOCALES } from '../i18n/format';

/** A day of the month grid: its number, whether sessions fall on it, and the anchor of the first. */
export interface CalendarDay {
  day: number | null;
  /** YYYY-MM-DD (not `date`: templates have a helper of that name). */
  dayKey: string;
  count: number;
  today: boolean;
}

/** The day (YYYY-MM-DD) of an instant in a time zone. */
export function dayOf(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

/** `2026-11` or the current month in the zone; null for anything malformed. */
export function monthOf(value: unknown, timeZone: string, now = new Date()): { year: number; month: number } | null {
  const text = typeof value === 'string' && value !== '' ? value : dayOf(now, timeZone).slice(0, 7);
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return { year: Number(m[1]), month: Number(m[2]) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The month as weeks of seven days, Monday first (as in Kazakhstan), with the
 * number of sessions on each day: the trainer's calendar. Pure: the sessions
 * come as their days.
 */
export function monthGrid(
  { year, month }: { year: number; month: number },
  sessionDays: string[],
  today: string,
): CalendarDay[][] {
  const counts = new Map<string, number>();
  for (const day of sessionDays) counts.set(day, (counts.get(day) ?? 0) + 1);
  const first = new Date(Date.UTC(year, month - 1, 1));
  const lead = (first.getUTCDay() + 6) % 7;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: CalendarDay[] = [];
  for (let i = 0; i < lead; i++) cells.push({ day: null, dayKey: '', count: 0, today: false });
  for (let d = 1; d <= length; d++) {
    const date = `${year}-${pad(month)}-${pad(d)}`;
    cells.push({ day: d, dayKey: date, count: counts.get(date) ?? 0, today: date === today });
  }
  while (cells.length % 7) cells.push({ day: null, dayKey: '', count: 0, today: false });
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The month's name and the short weekday names in the page's language. */
export function monthLabels(language: Language, { year, month }: { year: number; month: number }) {
  const locale = LOCALES[language];
  const title = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 15)),
  );
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
  const shift = (delta: number) => {
    const d = new Date(Date.UTC(year, month - 1 + delta, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  };
  return { title, weekdays, previous: shift(-1), next: shift(1), value: `${year}-${pad(month)}` };
}
