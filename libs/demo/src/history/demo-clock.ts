/** The demo's time zone: every demo unit is in Kazakhstan. */
const ZONE = 'Asia/Almaty';

const OFFSET_FORMAT = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' });
const DATE_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE });

const offsets = new Map<number, number>();

/** Minutes east of UTC in Almaty on the day of `instant` (remembered: asked tens of thousands of times). */
function offsetMinutes(instant: Date): number {
  const day = Math.floor(instant.getTime() / 86_400_000);
  let offset = offsets.get(day);
  if (offset === undefined) {
    offset = readOffset(instant);
    offsets.set(day, offset);
  }
  return offset;
}

function readOffset(instant: Date): number {
  const name = OFFSET_FORMAT.formatToParts(instant).find((part) => part.type === 'timeZoneName')!.value; // "GMT+05:00"
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * Demo time is counted in whole days from today in Almaty, at a local time
 * of day: day -1 is always in the past and day 1 always in the future,
 * whatever the hour the demo is loaded, so one date always gives the same
 * history.
 */
export class DemoClock {
  /** Today's date in Almaty, as a UTC midnight (only its calendar date is used). */
  private readonly today: number;
  /** Today's start (midnight in Almaty), in epoch milliseconds: anything before it is history. */
  readonly startOfToday: number;

  constructor(readonly now: Date) {
    const [y, m, d] = DATE_FORMAT.format(now).split('-').map(Number);
    this.today = Date.UTC(y, m - 1, d);
    this.startOfToday = this.at(0).getTime();
  }

  /** The instant at `hour:minute` Almaty time, `day` days from today. */
  at(day: number, hour = 0, minute = 0): Date {
    const local = this.today + day * 86_400_000 + (hour * 60 + minute) * 60_000;
    return new Date(local - offsetMinutes(new Date(local)) * 60_000);
  }

  /** The calendar date `day` days from today, YYYY-MM-DD. */
  date(day: number): string {
    return new Date(this.today + day * 86_400_000).toISOString().slice(0, 10);
  }

  /** How many days from today `instant` falls, in Almaty (negative: before today). */
  dayOf(instant: Date): number {
    return Math.floor((instant.getTime() - this.startOfToday) / 86_400_000);
  }

  /** `instant` plus whole calendar months (as the database adds an interval of months). */
  static addMonths(instant: Date, months: number): Date {
    const next = new Date(instant);
    next.setUTCMonth(next.getUTCMonth() + months);
    return next;
  }

  /** Saturday or Sunday, `day` days from today. */
  isWeekend(day: number): boolean {
    const weekday = new Date(this.today + day * 86_400_000).getUTCDay();
    return weekday === 0 || weekday === 6;
  }
}
