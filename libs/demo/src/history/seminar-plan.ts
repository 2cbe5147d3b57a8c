import type { AttendanceStatus } from '@lms/seminars';
import { FAIL_COMMENTS, PASS_COMMENTS, rubricScores } from './answers';
import type { DemoClock } from './demo-clock';
import type { DemoRandom } from './demo-random';
import type { DemoHistoryPlan, PlannedSession } from './demo-world';
import { requirements, type Track } from './enrolment-track';
import { type TrainerDays, venueOf } from './trainer-calendar';

interface GroupSession extends PlannedSession {
  day: number;
}

type Practical = DemoHistoryPlan['practicals'][number];

/**
 * Past seminars, grouped by course and region: officers ready for the
 * seminar take a seat in the next session with room, or one is scheduled a
 * few weeks on; the trainer marks attendance and scores the role-play at the
 * end, which completes the enrolment when that was all it needed. Whoever
 * was absent or excused is seated at a later session.
 */
export class SeminarPlan {
  readonly sessions: GroupSession[] = [];
  readonly practicals: Practical[] = [];
  private readonly groups = new Map<string, GroupSession[]>();

  constructor(
    private readonly clock: DemoClock,
    private readonly random: DemoRandom,
    private readonly trainer: TrainerDays,
    private readonly trainerUserId: string,
    private readonly unitOfRegion: (region: string) => string,
  ) {}

  /** Seats every ready track that needs a seminar, earliest ready first. */
  seat(tracks: Track[]): void {
    const queue = tracks
      .filter((t) => t.readyAt && requirements(t.course).seminar)
      .map((track) => ({ track, readyAt: track.readyAt!, retry: false }));
    queue.sort(
      (a, b) =>
        a.readyAt.getTime() - b.readyAt.getTime() ||
        a.track.officer.personnelNumber.localeCompare(b.track.officer.personnelNumber),
    );
    while (queue.length > 0) {
      const { track, readyAt, retry } = queue.shift()!;
      const session = this.sessionFor(track, readyAt);
      if (!session) continue; // none before today: still waiting for a seminar
      const status = this.attendance(track, retry);
      const from = Math.max(readyAt.getTime(), session.scheduledAt.getTime());
      const bookedAt = new Date(
        Math.min(from + this.random.between(1, 72) * 3_600_000, session.startsAt.getTime() - 3_600_000),
      );
      session.attendees.push({ key: track.key, officerId: track.officer.id, bookedAt, status });
      track.reach(session.endsAt);
      if (status === 'absent' || status === 'excused') {
        const next = { track, readyAt: new Date(session.endsAt.getTime() + 86_400_000), retry: true };
        const at = queue.findIndex((q) => q.readyAt > next.readyAt);
        queue.splice(at < 0 ? queue.length : at, 0, next);
        continue;
      }
      track.seminarHours = requirements(track.course).seminarHours;
      this.assess(track, session.endsAt);
    }
  }

  /**
   * The role-play, scored at the end of a seminar or on its own; a pass
   * completes the track. A failed one is scored again some weeks later.
   */
  assess(track: Track, at: Date, again = false): void {
    const { rubric } = requirements(track.course);
    if (rubric) {
      const pass = track.role === 'complete' || this.random.chance(again ? 0.9 : 0.85);
      this.practicals.push({
        key: track.key,
        assessorUserId: this.trainerUserId,
        scores: rubricScores(rubric, pass, this.random),
        comment: this.random.pick(pass ? PASS_COMMENTS : FAIL_COMMENTS),
        assessedAt: new Date(at.getTime() - 15 * 60_000),
      });
      if (!pass) {
        const retry = again ? null : track.step(this.clock, this.random, this.random.between(10, 30));
        if (retry) this.assess(track, retry, true);
        return;
      }
      track.practicalPassed = true;
    }
    track.complete(at);
  }

  private attendance(track: Track, retry: boolean): AttendanceStatus {
    if (retry || track.role === 'complete') return 'present';
    const roll = this.random.next();
    return roll < 0.87 ? 'present' : roll < 0.93 ? 'late' : roll < 0.97 ? 'absent' : 'excused';
  }

  /** The first session of the track's course and region with a free seat soon after `readyAt`, or a new one. */
  private sessionFor(track: Track, readyAt: Date): GroupSession | null {
    const readyDay = this.clock.dayOf(readyAt);
    const groupKey = `${track.course.id}/${track.officer.region}`;
    const group = this.groups.get(groupKey) ?? [];
    this.groups.set(groupKey, group);
    const open = group.find(
      (s) =>
        s.day >= readyDay + 2 &&
        s.day <= readyDay + 40 &&
        s.attendees.length < s.capacity &&
        !s.attendees.some((a) => a.officerId === track.officer.id),
    );
    if (open) return open;
    // A course's seminars in a region are about a month apart: officers ready meanwhile wait for the next.
    const latest = group.length > 0 ? group[group.length - 1].day : -Infinity;
    const wanted = Math.max(readyDay + this.random.between(5, 15), latest + 28);
    const day = this.trainer.free(wanted);
    if (day > -1) return null;
    this.trainer.take(day);
    const hours = requirements(track.course).seminarHours;
    const venue = venueOf(track.officer.region, group.length);
    const session: GroupSession = {
      day,
      courseId: track.course.id,
      unitId: this.unitOfRegion(track.officer.region),
      trainerUserId: this.trainerUserId,
      scheduledAt: this.clock.at(readyDay, 17),
      ...this.trainer.times(day, hours),
      address: venue.address,
      room: venue.room,
      capacity: this.random.between(18, 25),
      language: group.length % 2 === 0 ? 'kk' : 'ru',
      attendees: [],
    };
    group.push(session);
    group.sort((a, b) => a.day - b.day);
    this.sessions.push(session);
    return session;
  }
}
