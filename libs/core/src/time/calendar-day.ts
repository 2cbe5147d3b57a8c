/**
 * Due dates are stored as the end of their day: the midnight after it in the
 * unit's time zone (a rule due 31 December 2026 in Almaty is stored as
 * 2026-12-31T19:00Z, which is 1 January in Almaty). Printing that instant as a
 * date gives the next day; every page, report and file therefore prints a due
 * date through these helpers, which step back to the last moment of the day.
 */

/** The last moment of the day a stored due instant closes, to be formatted as a date in the same time zone. */
export function dueDayInstant(dueAt: Date | string): Date {
  return new Date(new Date(dueAt).getTime() - 1);
}

/** One formatter per time zone: building an `Intl.DateTimeFormat` costs far more than using one (a streamed export formats millions). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant's calendar day in a time zone, as `YYYY-MM-DD`. */
export function localDay(instant: Date | string, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

/** The calendar day (`YYYY-MM-DD`, in the unit's time zone) a stored due instant stands for; null stays null. */
export function dueDay(dueAt: Date | string | null, timeZone: string): string | null {
  return dueAt === null ? null : localDay(dueDayInstant(dueAt), timeZone);
}

/**
 * `localDay` in SQL, for statements that print days themselves (a streamed
 * export): the calendar day (`YYYY-MM-DD`) of a `timestamptz` column in the
 * time zone named by another column, as text; NULL stays NULL. A cast, not
 * `to_char` (a tenth of the export statement's time): dates print as ISO in
 * the ISO `DateStyle` that node-postgres already requires.
 */
export function localDaySql(instant: string, timeZone: string): string {
  return `(${instant} AT TIME ZONE ${timeZone})::date::text`;
}

/** `dueDay` in SQL: the day a stored due instant closes, one millisecond before it, as `localDaySql`. */
export function dueDaySql(dueAt: string, timeZone: string): string {
  return localDaySql(`(${dueAt} - interval '1 millisecond')`, timeZone);
}
