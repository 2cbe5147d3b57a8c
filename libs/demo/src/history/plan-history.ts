import { DemoClock } from './demo-clock';
import { DemoRandom } from './demo-random';
import type { DemoHistoryPlan, DemoWorld, UpcomingSession, WorldCourse } from './demo-world';
import { playUntilReady, requirements, type Role, Track } from './enrolment-track';
import { SeminarPlan } from './seminar-plan';
import { TrainerDays, venueOf } from './trainer-calendar';

/** The seed of the demo's history: the same date gives the same history. */
export const HISTORY_SEED = 20_260_315;

/**
 * Days from today each course of the programme was assigned: the last two
 * recently (still due), the others spread over the year before (their due
 * dates passed, so stragglers are overdue).
 */
export function assignmentDays(courses: number): number[] {
  const recent = [-110, -60].slice(-Math.min(courses, 2));
  const early = courses - recent.length;
  const spread = Array.from({ length: early }, (_, i) =>
    early === 1 ? -330 : Math.round(-330 + (150 * i) / (early - 1)),
  );
  return [...spread, ...recent];
}

/**
 * What the demo officer has of each course, counted from the end of the
 * programme: the newest not started, the next in progress, the one before
 * overdue, the earlier ones completed with their certificates. With four
 * courses or more the demo officer has all four.
 */
export function demoOfficerRole(index: number, courses: number): Role {
  const fromEnd = courses - 1 - index;
  return fromEnd === 0 ? 'assigned' : fromEnd === 1 ? 'in_progress' : fromEnd === 2 ? 'overdue' : 'complete';
}

/**
 * The demo organisation's year, planned from the rules' enrolments: a pure
 * function of the world and the date, drawn from a fixed seed.
 */
export function planHistory(world: DemoWorld, now: Date): DemoHistoryPlan {
  const clock = new DemoClock(now);
  const random = new DemoRandom(HISTORY_SEED);
  const trainer = new TrainerDays(clock);
  const index = new Map(world.courses.map((course, i) => [course.id, i]));
  const days = assignmentDays(world.courses.length);
  const seminars = new SeminarPlan(clock, random, trainer, world.trainerUserId, (region) =>
    world.regionUnitIds.get(region)!,
  );

  const enrolments = [...world.enrolments].sort(
    (a, b) =>
      a.officer.personnelNumber.localeCompare(b.officer.personnelNumber) ||
      index.get(a.course.id)! - index.get(b.course.id)!,
  );
  // What kind of trainee each officer is, and who was away on a long leave (from which day).
  const diligence = new Map<string, number>();
  const leave = new Map<string, number | null>();
  for (const { officer } of enrolments) {
    if (diligence.has(officer.id)) continue;
    diligence.set(officer.id, random.next());
    const away = officer.id !== world.demoOfficerId && random.chance(0.03);
    leave.set(officer.id, away ? random.between(-320, -60) : null);
  }

  const roleOf = (officerId: string, course: WorldCourse): Role =>
    officerId === world.demoOfficerId ? demoOfficerRole(index.get(course.id)!, world.courses.length) : 'normal';
  const hrOf = (region: string) => world.hrByRegion.get(region) ?? world.adminUserId;
  const play = (tracks: Track[]) => {
    for (const track of tracks)
      playUntilReady(track, clock, random, hrOf(track.officer.region), leave.get(track.officer.id)!);
    for (const track of tracks) {
      if (!track.readyAt || requirements(track.course).seminar) continue;
      // No seminar: the role-play (if any) some days later, or done with the quiz.
      if (!requirements(track.course).rubric) track.complete(track.readyAt);
      else {
        const at = track.step(clock, random, random.between(2, 10));
        if (at) seminars.assess(track, at);
      }
    }
    seminars.seat(tracks);
  };

  let cycle = enrolments.map(
    (e) =>
      new Track(
        e.officer,
        e.course,
        1,
        e.ruleId,
        e.orderId,
        clock.at(days[index.get(e.course.id)!], 10),
        roleOf(e.officer.id, e.course),
        diligence.get(e.officer.id)!,
      ),
  );
  const tracks: Track[] = [];
  while (cycle.length > 0) {
    play(cycle);
    tracks.push(...cycle);
    // Recertification: a completion that ran out opened the next cycle, as the worker does.
    cycle = cycle.flatMap((t) => {
      const months = world.recurrence.get(t.course.id);
      if (!t.completedAt || !months) return [];
      const expiry = DemoClock.addMonths(t.completedAt, months);
      if (clock.dayOf(expiry) > -1) return [];
      const role = t.role === 'complete' ? 'complete' : 'normal';
      return [new Track(t.officer, t.course, t.cycle + 1, t.ruleId, t.orderId, expiry, role, t.diligence)];
    });
  }

  return {
    enrolments: tracks.map((t) => t.toPast()),
    sessions: seminars.sessions.map(({ day: _day, ...session }) => session),
    attempts: tracks.flatMap((t) => t.attempts.map((attempt) => ({ ...attempt, key: t.key }))),
    practicals: seminars.practicals,
    upcoming: planUpcoming(world, tracks, trainer, random, index),
  };
}

/** Who books first: those ready for the seminar, then those who started the course, earliest first. */
const readiness = (t: Track) =>
  t.readyAt ? t.readyAt.getTime() : t.startedAt ? 1e15 + t.startedAt.getTime() : 2e15 + t.assignedAt.getTime();

/**
 * Sessions ahead, for officers still waiting for a seminar: one per course
 * and region where enough are waiting, a third or so booked. Where the demo
 * officer waits for the course in progress there are two: one with free
 * seats, and a later one full with a waitlist.
 */

function planUpcoming(
  world: DemoWorld,
  tracks: Track[],
  trainer: TrainerDays,
  random: DemoRandom,
  index: Map<string, number>,
): UpcomingSession[] {
  const latest = new Map<string, Track>();
  for (const track of tracks) latest.set(`${track.officer.id}/${track.course.id}`, track);
  const waiting = [...latest.values()].filter(
    (t) => t.open && requirements(t.course).seminar && t.seminarHours === null,
  );
  const groups = new Map<string, Track[]>();
  for (const track of waiting) {
    const group = `${String(index.get(track.course.id)).padStart(3, '0')}/${track.officer.region}`;
    groups.set(group, [...(groups.get(group) ?? []), track]);
  }
  const demoCourse = world.courses[world.courses.length - 2]?.id;
  const upcoming: UpcomingSession[] = [];
  [...groups.keys()].sort().forEach((group, g) => {
    const members = groups.get(group)!;
    const { course, officer } = members[0];
    const isDemo = course.id === demoCourse && members.some((t) => t.officer.id === world.demoOfficerId);
    const candidates = members
      .filter((t) => t.officer.id !== world.demoOfficerId)
      .sort((a, b) => readiness(a) - readiness(b) || a.officer.personnelNumber.localeCompare(b.officer.personnelNumber))
      .map((t) => t.officer.id);
    if (candidates.length < 8 && !isDemo) return;
    const session = (day: number, capacity: number, booked: string[], n: number): UpcomingSession => {
      trainer.take(day);
      return {
        courseId: course.id,
        unitId: world.regionUnitIds.get(officer.region)!,
        ...trainer.times(day, requirements(course).seminarHours),
        ...venueOf(officer.region, n),
        capacity,
        language: n % 2 === 0 ? 'kk' : 'ru',
        bookings: booked,
      };
    };
    // Full: up to ten seats, and three more officers waiting.
    const full = isDemo ? Math.min(10, Math.max(1, candidates.length - 3)) : 0;
    const queued = candidates.slice(0, isDemo ? full + 3 : 0);
    const rest = candidates.slice(queued.length);
    const capacity = random.between(18, 24);
    const seated = Math.min(rest.length, Math.floor((capacity * random.between(10, 25)) / 100));
    upcoming.push(session(trainer.free(isDemo ? 3 : 2 + ((g * 3) % 20)), capacity, rest.slice(0, seated), 0));
    if (isDemo) upcoming.push(session(trainer.free(12), full, queued, 1));
  });
  return upcoming;
}
