/**
 * A `datetime-local` field holds a wall-clock time without a zone; the unit's
 * zone (Asia/Almaty by default) turns it into the instant the API stores, and
 * back. Pure functions, with their spec beside.
 */

const parts = (instant: Date, timeZone: string) => {
  const fields = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => fields.find((part) => part.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
};

/** `YYYY-MM-DDTHH:mm` of an instant in the zone: a `datetime-local` field's value. */
export function localInputOf(instant: Date | string, timeZone: string): string {
  const p = parts(new Date(instant), timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Milliseconds the zone's clock is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const p = parts(new Date(instant), timeZone);
  const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
  return wall - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:mm`, or a day `YYYY-MM-DD` for
 * its midnight) stands for in the zone; null for anything malformed or a time
 * the zone's clock skips.
 */
export function instantOf(local: string, timeZone: string): Date | null {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(local) ? `${local}T00:00` : local;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  // Feb 30th, 25:00 and a skipped hour do not come back as typed.
  return localInputOf(new Date(instant), timeZone) === text ? new Date(instant) : null;
}
