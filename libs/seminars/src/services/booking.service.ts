import { Injectable } from '@nestjs/common';
import {
  AuditService,
  DomainError,
  isUniqueViolation,
  NotFound,
  OwnEnrollment,
  RequestContext,
  subtreeCondition,
  TransactionHost,
} from '@lms/core';
import { EnrollmentService } from '@lms/assignments';
import { UserService } from '@lms/identity';
import { OfficerService } from '@lms/personnel';
import { BookingStatus } from '../entities/seminar-booking.entity';
import {
  AlreadyBooked,
  BookingDeadlinePassed,
  BookingNotActive,
  NoOpenEnrollment,
  SeminarAlreadyAttended,
  SessionAlreadyStarted,
  SessionNotOpen,
} from '../seminars.errors';
import { BookingResult } from '../dto/session.response';
import { SeminarNotices, sessionPayload } from './seminar-notices';
import { SeatLedger } from './seat-ledger';
import { SessionService } from './session.service';

interface BookingRow {
  id: string;
  session_id: string;
  officer_id: string;
  status: BookingStatus;
  unit_path: string;
}

/** Booking a seat (or a place in the queue) and giving it back. Owns `seminar_booking`. */
@Injectable()
export class BookingService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly sessions: SessionService,
    private readonly ledger: SeatLedger,
    private readonly enrollments: EnrollmentService,
    private readonly officers: OfficerService,
    private readonly users: UserService,
    private readonly notifications: SeminarNotices,
    private readonly audit: AuditService,
  ) {}

  /** Is the officer the one whose account leads the session? */
  private async ledsSession(ctx: RequestContext, trainerUserId: string, officerId: string): Promise<boolean> {
    if (ctx.userId === trainerUserId) return ctx.actor?.officerId === officerId;
    if (ctx.actor?.officerId === officerId) return false; // booking for themself, and someone else leads
    return (await this.users.byId(trainerUserId))?.officer_id === officerId;
  }

  /** Whom the booking is for: an officer books for themself, HR for an officer of its subtree (404 otherwise). */
  private async officerFor(
    ctx: RequestContext,
    officerId: string | undefined,
  ): Promise<{ id: string; unit_path: string }> {
    const own = ctx.actor?.officerId ?? null;
    if (own && (officerId === undefined || officerId === own)) {
      return this.officers.findInScope(ctx, own);
    }
    if (officerId === undefined) throw new NotFound('Officer');
    return this.officers.findInScope(ctx, officerId, ['hr']);
  }

  /**
   * Takes a seat, or the next place in the queue when the session is full.
   * Everything is decided under the session's row lock; a second active
   * booking for the course is refused by the partial unique index even when
   * two sessions are booked at once.
   */
  async book(ctx: RequestContext, sessionId: string, requestedOfficerId?: string): Promise<BookingResult> {
    return this.tx.withTransaction(async () => {
      const officer = await this.officerFor(ctx, requestedOfficerId);
      // An officer may book any session of a course they are enrolled on; whether they are is answered below (409).
      const forThemself = officer.id === ctx.actor?.officerId;
      const visible = await this.sessions.find(forThemself ? RequestContext.system() : ctx, sessionId);
      // The trainer who leads a session marks its attendance, so is not also one of its officers (decided before the lock).
      if (await this.ledsSession(ctx, visible.trainer_user_id, officer.id))
        throw new OwnEnrollment('book, as its trainer,');
      const session = await this.ledger.lock(sessionId);
      if (session.status !== 'scheduled') throw new SessionNotOpen(session.status, 'booked');
      if (session.started) throw new SessionAlreadyStarted('booked');
      if (session.deadline_passed && session.booking_deadline)
        throw new BookingDeadlinePassed(session.booking_deadline);
      const enrollment = await this.enrollments.openFor(officer.id, session.course_id);
      if (!enrollment) throw new NoOpenEnrollment();
      if (enrollment.progress.seminarAttended) throw new SeminarAlreadyAttended();
      await this.releaseStaleWaitlistPlaces(officer.id, session.course_id);
      const [existing] = await this.tx.query<{ id: string }>(
        `SELECT id FROM seminar_booking WHERE officer_id = $1 AND course_id = $2 AND status IN ('booked', 'waitlisted')`,
        [officer.id, session.course_id],
      );
      if (existing) throw new AlreadyBooked(existing.id);
      const seats = await this.ledger.seats(sessionId);
      const status = seats.booked < session.capacity ? 'booked' : 'waitlisted';
      let id: string;
      try {
        [{ id }] = await this.tx.query<{ id: string }>(
          `INSERT INTO seminar_booking (session_id, officer_id, course_id, enrollment_id, status, booked_by)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [sessionId, officer.id, session.course_id, enrollment.id, status, ctx.userId],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'UQ_seminar_booking_active')) throw new AlreadyBooked(null);
        throw error;
      }
      const result: BookingResult = {
        id,
        sessionId,
        officerId: officer.id,
        status,
        position: status === 'waitlisted' ? seats.waitlisted + 1 : null,
      };
      await this.audit.record(ctx, {
        action: 'seminar-booking.create',
        entityType: 'seminar_booking',
        entityId: id,
        unitPath: officer.unit_path,
        after: result,
      });
      return result;
    });
  }

  /**
   * Books several officers on one session in one transaction, in the order
   * given (seats first, then the waitlist): all of them or none. A refusal
   * names the officer it was for (`extra.officerId`).
   */
  async bookMany(ctx: RequestContext, sessionId: string, officerIds: string[]): Promise<BookingResult[]> {
    return this.tx.withTransaction(async () => {
      const results: BookingResult[] = [];
      for (const officerId of officerIds) {
        try {
          results.push(await this.book(ctx, sessionId, officerId));
        } catch (error) {
          if (error instanceof DomainError) error.extra.officerId = officerId;
          throw error;
        }
      }
      return results;
    });
  }

  /**
   * Gives the seat (or queue place) back. A freed seat goes to the first
   * officer waiting, in the same transaction and under the same lock, so a
   * seat is never free while someone waits.
   */
  async cancel(ctx: RequestContext, bookingId: string): Promise<void> {
    await this.tx.withTransaction(async () => {
      const booking = await this.findInScope(ctx, bookingId);
      const session = await this.ledger.lock(booking.session_id);
      const [{ status }] = await this.tx.query<{ status: BookingStatus }>(
        'SELECT status FROM seminar_booking WHERE id = $1',
        [bookingId],
      );
      if (status !== 'booked' && status !== 'waitlisted') throw new BookingNotActive(status);
      if (status === 'booked' && session.started) throw new SessionAlreadyStarted('left');
      const reason = ctx.actor?.officerId === booking.officer_id ? 'officer' : 'hr';
      await this.tx.query(
        `UPDATE seminar_booking SET status = 'cancelled', cancelled_at = now(), cancelled_by = $2, cancel_reason = $3 WHERE id = $1`,
        [bookingId, ctx.userId, reason],
      );
      const promoted = status === 'booked' ? await this.ledger.fillFromWaitlist(session.id) : [];
      if (promoted.length > 0) {
        const visible = await this.sessions.find(RequestContext.system(), session.id);
        await this.notifications.send(
          'seminar.booking-promoted',
          promoted.map((b) => ({ officerId: b.officer_id, bookingId: b.id })),
          sessionPayload(visible),
        );
      }
      await this.audit.record(ctx, {
        action: 'seminar-booking.cancel',
        entityType: 'seminar_booking',
        entityId: bookingId,
        unitPath: booking.unit_path,
        before: { status, sessionId: session.id, officerId: booking.officer_id },
        after: { status: 'cancelled', reason, promotedBookingIds: promoted.map((b) => b.id) },
      });
    });
  }

  /** A booking of the caller themself, or of an officer of HR's subtree; 404 otherwise. */
  private async findInScope(ctx: RequestContext, id: string): Promise<BookingRow> {
    const params: unknown[] = [id];
    let scope = subtreeCondition('u.path', ctx.subtrees('hr'), params);
    if (ctx.actor?.officerId) {
      params.push(ctx.actor.officerId);
      scope = `(${scope} OR b.officer_id = $${params.length})`;
    }
    const [row] = await this.tx.query<BookingRow>(
      `SELECT b.id, b.session_id, b.officer_id, b.status, u.path AS unit_path
       FROM seminar_booking b JOIN officer o ON o.id = b.officer_id JOIN unit u ON u.id = o.unit_id
       WHERE b.id = $1 AND ${scope}`,
      params,
    );
    if (!row) throw new NotFound('Booking', id);
    return row;
  }

  /**
   * A place in the queue of a session that has started can no longer turn into
   * a seat; it is closed here so that it does not block booking another session.
   */
  private async releaseStaleWaitlistPlaces(officerId: string, courseId: string): Promise<void> {
    await this.tx.query(
      `UPDATE seminar_booking b SET status = 'cancelled', cancelled_at = now(), cancel_reason = 'session-started'
       FROM seminar_session s
       WHERE s.id = b.session_id AND b.officer_id = $1 AND b.course_id = $2 AND b.status = 'waitlisted' AND s.starts_at <= now()`,
      [officerId, courseId],
    );
  }
}
