import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, FieldProblem, NotFound, RequestContext, TransactionHost, ValidationFailed } from '@lms/core';
import { CourseService, CourseVersionService } from '@lms/catalogue';
import { AttendanceStatus, CREDITED_STATUSES } from '../entities/seminar-attendance.entity';
import { SessionLanguage } from '../entities/seminar-session.entity';
import { TrainerCalendar } from './trainer-calendar';

/** A seminar that took place: who booked a seat and what the trainer marked. */
export interface PastSession {
  courseId: string;
  unitId: string;
  trainerUserId: string;
  scheduledAt: Date;
  startsAt: Date;
  endsAt: Date;
  address: string;
  room: string | null;
  capacity: number;
  language: SessionLanguage;
  attendees: { officerId: string; enrollmentId: string; bookedAt: Date; status: AttendanceStatus }[];
}

/**
 * Writes seminars that already took place, for loading an organisation's
 * past (the demo): sessions completed, bookings closed, attendance marked by
 * the trainer when the session ended, crediting the version's hours. The
 * live rules that still apply are kept: the trainer holds the role and leads
 * one session at a time, seats never exceed capacity, and each booking is
 * for an enrolment of that officer on that course. What attendance means
 * for the enrolments is part of their own history, loaded by assignments.
 */
@Injectable()
export class SeminarHistoryService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly courses: CourseService,
    private readonly versions: CourseVersionService,
    private readonly trainers: TrainerCalendar,
    private readonly audit: AuditService,
  ) {}

  async load(ctx: RequestContext, sessions: PastSession[]): Promise<string[]> {
    return this.tx.withTransaction(async () => {
      const problems = sessions.flatMap(sessionProblems);
      if (problems.length > 0) throw new ValidationFailed('The seminar history is not consistent', problems);
      await this.requireEnrolments(sessions);
      const versions = new Map<string, { id: string; hours: number }>();
      for (const courseId of new Set(sessions.map((s) => s.courseId))) {
        const course = await this.courses.requirePublished(courseId, 'loading its seminars');
        const version = (await this.versions.byId(course.publishedVersionId))!;
        versions.set(courseId, { id: version.id, hours: version.content.seminar?.hours ?? 0 });
      }
      const rows = sessions.map((s) => ({ ...s, id: randomUUID(), version: versions.get(s.courseId)! }));
      for (const trainerUserId of new Set(rows.map((row) => row.trainerUserId))) {
        await this.trainers.requireTrainer(trainerUserId);
        await this.trainers.reserveMany(
          trainerUserId,
          rows.filter((row) => row.trainerUserId === trainerUserId),
        );
      }
      await this.tx.query(
        `INSERT INTO seminar_session (id, course_id, course_version_id, unit_id, trainer_user_id, starts_at, ends_at, address,
                                      room, capacity, language, status, created_at, updated_at)
         SELECT id, course_id, version_id, unit_id, trainer_user_id, starts_at, ends_at, address, room, capacity, language,
                'completed', scheduled_at, ends_at
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, course_id uuid, version_id uuid, unit_id uuid, trainer_user_id uuid,
              starts_at timestamptz, ends_at timestamptz, address text, room text, capacity int, language text,
              scheduled_at timestamptz)`,
        [
          JSON.stringify(
            rows.map((s) => ({
              id: s.id,
              course_id: s.courseId,
              version_id: s.version.id,
              unit_id: s.unitId,
              trainer_user_id: s.trainerUserId,
              starts_at: s.startsAt,
              ends_at: s.endsAt,
              address: s.address,
              room: s.room,
              capacity: s.capacity,
              language: s.language,
              scheduled_at: s.scheduledAt,
            })),
          ),
        ],
      );
      const bookings = rows.flatMap((s) =>
        s.attendees.map((a) => ({
          id: randomUUID(),
          session_id: s.id,
          officer_id: a.officerId,
          course_id: s.courseId,
          enrollment_id: a.enrollmentId,
          booked_at: a.bookedAt,
          status: a.status,
          hours: CREDITED_STATUSES.includes(a.status) ? s.version.hours : 0,
          marked_by: s.trainerUserId,
          marked_at: s.endsAt,
        })),
      );
      await this.tx.query(
        `WITH b AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, session_id uuid, officer_id uuid, course_id uuid,
                      enrollment_id uuid, booked_at timestamptz, status text, hours numeric, marked_by uuid, marked_at timestamptz)),
         booked AS (
           INSERT INTO seminar_booking (id, session_id, officer_id, course_id, enrollment_id, status, created_at)
           SELECT id, session_id, officer_id, course_id, enrollment_id, 'closed', booked_at FROM b ORDER BY booked_at, id
           RETURNING id)
         INSERT INTO seminar_attendance (booking_id, session_id, officer_id, status, hours, marked_by, marked_at)
         SELECT b.id, b.session_id, b.officer_id, b.status, b.hours, b.marked_by, b.marked_at FROM b JOIN booked USING (id)`,
        [JSON.stringify(bookings)],
      );
      await this.audit.record(ctx, {
        action: 'seminar-session.load-history',
        entityType: 'seminar_session',
        after: {
          sessions: rows.length,
          attendance: Object.fromEntries(
            ['present', 'late', 'absent', 'excused'].map((s) => [s, bookings.filter((b) => b.status === s).length]),
          ),
        },
      });
      return rows.map((row) => row.id);
    });
  }

  /** Each attendee's enrolment is theirs and on the session's course (one set-based read across). */
  private async requireEnrolments(sessions: PastSession[]): Promise<void> {
    const pairs = sessions.flatMap((s) => s.attendees.map((a) => ({ ...a, courseId: s.courseId })));
    const [{ missing }] = await this.tx.query<{ missing: string | null }>(
      `SELECT min(x.enrollment_id::text) AS missing
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS x(enrollment_id, officer_id, course_id)
       WHERE NOT EXISTS (SELECT 1 FROM enrollment e
                         WHERE e.id = x.enrollment_id AND e.officer_id = x.officer_id AND e.course_id = x.course_id)`,
      [pairs.map((p) => p.enrollmentId), pairs.map((p) => p.officerId), pairs.map((p) => p.courseId)],
    );
    if (missing) throw new NotFound('Enrolment', missing);
  }
}

function sessionProblems(s: PastSession, index: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const field = (name: string) => `sessions[${index}].${name}`;
  if (s.endsAt.getTime() <= s.startsAt.getTime())
    problems.push({ field: field('endsAt'), message: 'is not after startsAt' });
  if (s.endsAt.getTime() > Date.now()) problems.push({ field: field('endsAt'), message: 'is in the future' });
  if (s.attendees.length > s.capacity) problems.push({ field: field('attendees'), message: 'exceed the capacity' });
  if (new Set(s.attendees.map((a) => a.officerId)).size < s.attendees.length)
    problems.push({ field: field('attendees'), message: 'name an officer twice' });
  s.attendees.forEach((a, i) => {
    if (a.bookedAt < s.scheduledAt || a.bookedAt > s.startsAt)
      problems.push({ field: field(`attendees[${i}].bookedAt`), message: 'is not between scheduling and the start' });
  });
  return problems;
}
