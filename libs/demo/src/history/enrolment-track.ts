import type { PastEnrollment } from '@lms/assignments';
import type { PastAttempt } from '@lms/assessments';
import { answeredAttempt, COURSE_EXEMPTIONS, LEAVE_EXEMPTIONS } from './answers';
import type { DemoClock } from './demo-clock';
import type { DemoRandom } from './demo-random';
import { type EnrolmentKey, enrolmentKey, type WorldCourse, type WorldOfficer } from './demo-world';

/**
 * How an enrolment is meant to end up: `normal` lets chance and the
 * officer's diligence decide; the others are the demo officer's, set so the
 * demo always shows them.
 */
export type Role = 'normal' | 'complete' | 'overdue' | 'in_progress' | 'assigned';

export const DUE_IN_DAYS = 120;
const HOUR = 3_600_000;

/** What a course asks of an officer, from its pinned version's completion rule. */
export function requirements(course: WorldCourse) {
  const { completionRule: rule, quiz, rubric } = course.content;
  return {
    quiz: rule.quizPassed && quiz && quiz.questions.length > 0 ? quiz : null,
    seminar: rule.seminarAttended,
    rubric: rule.practicalPassed && rubric && rubric.criteria.length > 0 ? rubric : null,
    seminarHours: course.content.seminar?.hours ?? 4,
  };
}

/** One officer's way through one cycle of a course, step by step, each step later than the last. */
export class Track {
  startedAt: Date | null = null;
  readLessonIds: string[] = [];
  quizPassed = false;
  seminarHours: number | null = null;
  practicalPassed = false;
  completedAt: Date | null = null;
  exemption: PastEnrollment['exemption'];
  attempts: Omit<PastAttempt, 'enrollmentId'>[] = [];
  /** When the officer had done everything that comes before the seminar or the role-play. */
  readyAt: Date | null = null;
  /** The latest moment of the track so far. */
  private cursor: Date;

  constructor(
    readonly officer: WorldOfficer,
    readonly course: WorldCourse,
    readonly cycle: number,
    readonly ruleId: string,
    readonly orderId: string,
    readonly assignedAt: Date,
    readonly role: Role,
    readonly diligence: number,
  ) {
    this.cursor = assignedAt;
  }

  get key(): EnrolmentKey {
    return enrolmentKey({ officerId: this.officer.id, courseId: this.course.id, cycle: this.cycle });
  }

  get dueAt(): Date {
    return new Date(this.assignedAt.getTime() + DUE_IN_DAYS * 24 * HOUR);
  }

  get open(): boolean {
    return !this.completedAt && !this.exemption;
  }

  /** The next step, `days` after the last, in office hours; null if it would fall today or later. */
  step(clock: DemoClock, random: DemoRandom, days: number): Date | null {
    const day = clock.dayOf(this.cursor) + days;
    let at = clock.at(day, random.between(8, 19), random.between(0, 59));
    if (at <= this.cursor) at = new Date(this.cursor.getTime() + random.between(20, 90) * 60_000);
    if (at.getTime() >= clock.startOfToday) return null;
    this.cursor = at;
    return at;
  }

  /** Moves the track to a moment something else decided (a seminar's end). */
  reach(at: Date): void {
    if (at > this.cursor) this.cursor = at;
  }

  get last(): Date {
    return this.cursor;
  }

  complete(at: Date): void {
    this.reach(at);
    this.completedAt = at;
  }

  /** The history row of this track as it stands. */
  toPast(): PastEnrollment {
    const lessons = this.course.content.lessons;
    return {
      officerId: this.officer.id,
      courseId: this.course.id,
      cycle: this.cycle,
      ruleId: this.ruleId,
      orderId: this.orderId,
      assignedAt: this.assignedAt,
      dueAt: this.dueAt,
      startedAt: this.startedAt,
      progress: this.startedAt
        ? {
            readLessonIds: this.readLessonIds,
            lessonsRead: this.readLessonIds.length === lessons.length,
            quizPassed: this.quizPassed,
            practicalPassed: this.practicalPassed,
            seminarAttended: this.seminarHours !== null,
            seminarHours: this.seminarHours ?? 0,
          }
        : {},
      completedAt: this.completedAt ?? undefined,
      exemption: this.exemption,
    };
  }
}

/**
 * Plays a track up to the point where a seminar or a trainer is needed:
 * exemption, start, lessons, quiz attempts. Diligent officers start sooner
 * and pass more often; the demo officer's roles stop where they must. An
 * officer away on a long leave from `leaveDay` is exempted from every course.
 */
export function playUntilReady(
  track: Track,
  clock: DemoClock,
  random: DemoRandom,
  exemptedBy: string | null,
  leaveDay: number | null,
): void {
  const { role, diligence } = track;
  const assignedDay = clock.dayOf(track.assignedAt);
  if (role === 'assigned') return;
  const exempt = (day: number, reasons: readonly string[]) => {
    if (day > -1) return false;
    const at = clock.at(day, random.between(9, 17), random.between(0, 59));
    track.exemption = { at, reason: random.pick(reasons), by: exemptedBy };
    return true;
  };
  if (leaveDay !== null && exempt(Math.max(leaveDay, assignedDay + random.between(1, 5)), LEAVE_EXEMPTIONS)) return;
  if (role === 'normal' && random.chance(0.02) && exempt(assignedDay + random.between(3, 40), COURSE_EXEMPTIONS))
    return;
  // Waiting to start is roughly exponential; the least diligent wait longest, some past their due date.
  const mean = (12 + 70 * (1 - diligence)) * (diligence < 0.12 ? 3 : 1);
  const startIn = {
    normal: 1 + Math.floor(-Math.log(1 - random.next()) * mean),
    complete: random.between(1, 5),
    overdue: random.between(5, 12),
    in_progress: Math.max(1, -12 - assignedDay),
  }[role];
  track.startedAt = track.step(clock, random, startIn);
  if (!track.startedAt) return;

  const lessons = track.course.content.lessons;
  const toRead = {
    normal: lessons.length,
    complete: lessons.length,
    overdue: Math.ceil(lessons.length / 2),
    in_progress: 2,
  }[role];
  for (const [index, lesson] of lessons.entries()) {
    if (index >= toRead) break;
    const gap = index === 0 ? 0 : random.between(0, role === 'normal' ? 2 + Math.round((1 - diligence) * 8) : 2);
    if (!track.step(clock, random, gap)) return;
    track.readLessonIds.push(lesson.id);
  }
  if (role === 'in_progress') return;

  const { quiz } = requirements(track.course);
  if (quiz) {
    const allowed = quiz.maxAttempts ?? 3;
    for (let number = 1; number <= allowed; number++) {
      const startedAt = track.step(clock, random, number === 1 ? random.between(1, 10) : random.between(1, 7));
      if (!startedAt) return;
      // The last allowed attempt passes: nobody in the demo is left with a quiz they can no longer take.
      const pass =
        role === 'overdue'
          ? false
          : number === allowed || random.chance(role === 'complete' ? 0.75 : 0.45 + 0.45 * diligence);
      const minutes = Math.max(1, Math.min(random.between(6, 19), (quiz.timeLimitMinutes ?? 30) - 1));
      const submittedAt = new Date(startedAt.getTime() + minutes * 60_000 + random.between(0, 59) * 1000);
      track.reach(submittedAt);
      track.attempts.push({ startedAt, submittedAt, ...answeredAttempt(quiz, pass, random) });
      if (pass) {
        track.quizPassed = true;
        break;
      }
      if (role === 'overdue') return;
    }
  }
  if (role === 'overdue') return;
  track.readyAt = track.last;
}
