import type { DemoClock } from './demo-clock';

/** Where each region holds its seminars. */
const VENUES: Record<string, { address: string; rooms: string[] }> = {
  ALM: { address: 'Алматы қ., Абай даңғылы, 109, ПД оқу орталығы', rooms: ['ауд. 214', 'ауд. 305'] },
  AST: { address: 'Астана қ., Бейбітшілік к-сі, 4, ПД оқу орталығы', rooms: ['ауд. 12', 'ауд. 18'] },
  SHY: { address: 'Шымкент қ., Тәуке хан даңғылы, 31, ПД оқу орталығы', rooms: ['ауд. 7'] },
  KRG: { address: 'Қарағанды қ., Ерубаев к-сі, 37, ПД оқу орталығы', rooms: ['ауд. 101', 'ауд. 104'] },
};
const DEFAULT_VENUE = { address: 'Астана қ., Министрлік оқу орталығы', rooms: ['ауд. 1'] };

export function venueOf(region: string, index: number): { address: string; room: string } {
  const venue = VENUES[region] ?? DEFAULT_VENUE;
  return { address: venue.address, room: venue.rooms[index % venue.rooms.length] };
}

/** Seminars start at ten in the morning, local time. */
export const SESSION_START_HOUR = 10;

/**
 * The one demo trainer's working days: a session a day at most, on
 * weekdays, so the live rule that a trainer leads one session at a time
 * holds for the history as it will for what is scheduled later.
 */
export class TrainerDays {
  private readonly taken = new Set<number>();

  constructor(private readonly clock: DemoClock) {}

  /** The first free weekday on or after `day`. */
  free(day: number): number {
    let candidate = day;
    while (this.taken.has(candidate) || this.clock.isWeekend(candidate)) candidate++;
    return candidate;
  }

  take(day: number): void {
    this.taken.add(day);
  }

  /** The instants a session held on `day` starts and ends. */
  times(day: number, hours: number): { startsAt: Date; endsAt: Date } {
    const startsAt = this.clock.at(day, SESSION_START_HOUR);
    return { startsAt, endsAt: new Date(startsAt.getTime() + Math.max(1, hours) * 3_600_000) };
  }
}
