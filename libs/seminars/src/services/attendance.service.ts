import { Injectable } from '@nestjs/common';
import {
  AuditService,
  FieldProblem,
  OwnEnrollment,
  RequestContext,
  TransactionHost,
  ValidationFailed,
} from '@lms/core';
import { EnrollmentService } from '@lms/assignments';
import { CourseVersionService } from '@lms/catalogue';
import { AttendanceEntryDto } from '../dto/attendance.dto';
import { AttendanceResult } from '../dto/session.response';
import { AttendanceStatus, CREDITED_STATUSES } from '../entities/seminar-attendance.entity';
import { NotSessionTrainer, OfficersNotBooked, SessionNotOpen, SessionNotStarted } from '../seminars.errors';
import { SeatLedger } from './seat-ledger';
import { canRecordAttendance } from './session-access';
import { SessionService } from './session.service';

interface BookedRow {
  booking_id: string;
  officer_id: string;
  enrollment_id: string;
  attendance: AttendanceStatus | null;
}

/**
 * The session's trainer marks attendance; HR (and admins) only correct a
 * mark the trainer made, each with a reason that goes into the audit trail.
 */
function checkCorrections(entries: AttendanceEntryDto[], booked: Map<string, BookedRow>): void {
  const problems: FieldProblem[] = entries.flatMap((e, index) => {
    if (booked.get(e.officerId)!.attendance === null)
      return [{ field: `[${index}].officerId`, message: 'is not marked yet: the session’s trainer marks attendance' }];
    if (!e.reason?.trim()) return [{ field: `[${index}].reason`, message: 'a correction needs a reason' }];
    return [];
  });
  if (problems.length > 0)
    throw new ValidationFailed('Only the session’s trainer marks; others correct with a reason', problems);
}

const credits = (status: AttendanceStatus | null) => status !== null && CREDITED_STATUSES.includes(status);

/**
 * Attendance of booked officers, once the session has started. Present or
 * late credits the pinned version's seminar hours and reports the seminar as
 * attended to the enrolment (which completes when its rule is met); absent or
 * excused closes the booking so the officer can book another session.
 * Corrections replace earlier marks and are audited with before and after.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly sessions: SessionService,
    private readonly ledger: SeatLedger,
    private readonly versions: CourseVersionService,
    private readonly enrollments: EnrollmentService,
    private readonly audit: AuditService,
  ) {}

  async record(ctx: RequestContext, sessionId: string, entries: AttendanceEntryDto[]): Promise<AttendanceResult[]> {
    return this.tx.withTransaction(async () => {
      const visible = await this.sessions.find(ctx, sessionId);
      if (!canRecordAttendance(ctx, visible)) throw new NotSessionTrainer();
      const own = ctx.actor?.officerId;
      if (own && entries.some((e) => e.officerId === own)) throw new OwnEnrollment('mark attendance for');
      const byTrainer = ctx.userId !== null && visible.trainer_user_id === ctx.userId;
      const session = await this.ledger.lock(sessionId);
      if (session.status === 'cancelled') throw new SessionNotOpen('cancelled', 'marked');
      if (!session.started) throw new SessionNotStarted();

      const booked = await this.tx.query<BookedRow>(
        `SELECT b.id AS booking_id, b.officer_id, b.enrollment_id, a.status AS attendance
         FROM seminar_booking b LEFT JOIN seminar_attendance a ON a.booking_id = b.id
         WHERE b.session_id = $1 AND b.officer_id = ANY($2::uuid[]) AND b.status IN ('booked', 'closed')`,
        [sessionId, entries.map((e) => e.officerId)],
      );
      const byOfficer = new Map(booked.map((row) => [row.officer_id, row]));
      const strangers = entries.flatMap((e, index) =>
        byOfficer.has(e.officerId) ? [] : [{ index, officerId: e.officerId }],
      );
      if (strangers.length > 0) throw new OfficersNotBooked(strangers);
      if (!byTrainer) checkCorrections(entries, byOfficer);

      const seminarHours = (await this.versions.contentOf(session.course_version_id))?.seminar?.hours ?? 0;
      const marks = entries.map((e) => {
        const row = byOfficer.get(e.officerId)!;
        return {
          ...row,
          status: e.status,
          reason: byTrainer ? null : (e.reason ?? null),
          hours: credits(e.status) ? seminarHours : 0,
          changed: row.attendance !== e.status,
        };
      });
      const changed = marks.filter((m) => m.changed);

      await this.tx.query(
        `INSERT INTO seminar_attendance (booking_id, session_id, officer_id, status, hours, marked_by, marked_at)
         SELECT m.booking_id, $1, m.officer_id, m.status, m.hours, $2, now()
         FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::numeric[]) AS m(booking_id, officer_id, status, hours)
         ON CONFLICT (booking_id) DO UPDATE SET status = excluded.status, hours = excluded.hours,
           marked_by = excluded.marked_by, marked_at = excluded.marked_at`,
        [
          sessionId,
          ctx.userId,
          changed.map((m) => m.booking_id),
          changed.map((m) => m.officer_id),
          changed.map((m) => m.status),
          changed.map((m) => m.hours),
        ],
      );
      // Marked bookings no longer block booking another session of the course; their seats stay counted.
      await this.tx.query(
        `UPDATE seminar_booking SET status = 'closed' WHERE id = ANY($1::uuid[]) AND status = 'booked'`,
        [marks.map((m) => m.booking_id)],
      );
      await this.tx.query(
        `UPDATE seminar_session SET status = 'completed', updated_at = now() WHERE id = $1 AND status = 'scheduled'`,
        [sessionId],
      );
      // The session took place: places still queued for it will never become seats.
      await this.tx.query(
        `UPDATE seminar_booking SET status = 'cancelled', cancelled_at = now(), cancel_reason = 'session-started'
         WHERE session_id = $1 AND status = 'waitlisted'`,
        [sessionId],
      );

      const enrollmentStatus = await this.reportProgress(ctx, changed, seminarHours);
      if (changed.length > 0) {
        await this.audit.record(ctx, {
          action: 'seminar-attendance.record',
          entityType: 'seminar_session',
          entityId: sessionId,
          unitPath: visible.unit_path,
          before: changed.map((m) => ({ officerId: m.officer_id, status: m.attendance })),
          after: changed.map((m) => ({
            officerId: m.officer_id,
            status: m.status,
            hours: m.hours,
            ...(m.reason ? { reason: m.reason } : {}),
          })),
        });
      }
      return marks.map((m) => ({
        officerId: m.officer_id,
        bookingId: m.booking_id,
        status: m.status,
        hours: m.hours,
        changed: m.changed,
        enrollmentStatus: enrollmentStatus.get(m.enrollment_id) ?? null,
      }));
    });
  }

  /**
   * Tells each booking's enrolment what changed: attended (with the hours) or,
   * on a correction, not attended after all. Only open enrolments take
   * progress; a completed one stays completed. The enrolments are locked
   * first, in id order, so two markings never wait on each other crosswise.
   */
  private async reportProgress(
    ctx: RequestContext,
    marks: { enrollment_id: string; status: AttendanceStatus; attendance: AttendanceStatus | null; hours: number }[],
    seminarHours: number,
  ): Promise<Map<string, string>> {
    const statuses = new Map<string, string>();
    const due = marks.filter((m) => credits(m.status) !== credits(m.attendance));
    const ids = [...new Set(due.map((m) => m.enrollment_id))].sort();
    const open = new Set<string>();
    for (const id of ids) {
      const enrollment = await this.enrollments.find(RequestContext.system(), id, [], true);
      statuses.set(id, enrollment.status);
      if (enrollment.status === 'assigned' || enrollment.status === 'in_progress') open.add(id);
    }
    for (const mark of due) {
      if (!open.has(mark.enrollment_id)) continue;
      const attended = credits(mark.status);
      const after = await this.enrollments.recordProgress(ctx, mark.enrollment_id, {
        seminarAttended: attended,
        seminarHours: attended ? seminarHours : 0,
      });
      statuses.set(mark.enrollment_id, after.status);
    }
    return statuses;
  }
}
