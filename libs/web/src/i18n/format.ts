import { dueDayInstant, Language } from '@lms/core';

/** The Intl locale of each interface language: Kazakhstan's forms (31.12.2026, 12 345,5); English as in Britain. */
export const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-GB' };

export const DEFAULT_TIME_ZONE = 'Asia/Almaty';

export interface Formats {
  date(value: Date | string | null | undefined): string;
  /** A stored due instant (the end of its day) as the day it closes: a rule due 31 December shows 31.12. */
  dueDate(value: Date | string | null | undefined): string;
  dateTime(value: Date | string | null | undefined): string;
  time(value: Date | string | null | undefined): string;
  /** A day with its weekday and month in words, for session times: "пн, 30 ноября". */
  longDate(value: Date | string | null | undefined): string;
  number(value: number | null | undefined, fractionDigits?: number): string;
}

const cache = new Map<string, Formats>();

/** Dates and numbers in the language's form, times in the unit's time zone (stored times are UTC). */
export function formats(language: Language, timeZone: string): Formats {
  const key = `${language}|${timeZone}`;
  const known = cache.get(key);
  if (known) return known;
  const locale = LOCALES[language];
  const date = new Intl.DateTimeFormat(locale, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const longDate = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'long' });
  const numbers = new Map<number, Intl.NumberFormat>();
  const asDate = (value: Date | string | null | undefined): Date | null => {
    if (value === null || value === undefined || value === '') return null;
    const d = value instanceof Date ? value : new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  };
  const made: Formats = {
    date: (value) => {
      const d = asDate(value);
      return d ? date.format(d) : '';
    },
    dueDate: (value) => {
      const d = asDate(value);
      return d ? date.format(dueDayInstant(d)) : '';
    },
    time: (value) => {
      const d = asDate(value);
      return d ? time.format(d) : '';
    },
    dateTime: (value) => {
      const d = asDate(value);
      return d ? `${date.format(d)} ${time.format(d)}` : '';
    },
    longDate: (value) => {
      const d = asDate(value);
      return d ? longDate.format(d) : '';
    },
    number: (value, fractionDigits = 0) => {
      if (value === null || value === undefined || Number.isNaN(value)) return '';
      let format = numbers.get(fractionDigits);
      if (!format) {
        format = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits });
        numbers.set(fractionDigits, format);
      }
      return format.format(value);
    },
  };
  cache.set(key, made);
  return made;
}
