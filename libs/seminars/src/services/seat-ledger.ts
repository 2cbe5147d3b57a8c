import { Injectable } from '@nestjs/common';
import { NotFound, TransactionHost } from '@lms/core';
import { SessionStatus } from '../entities/seminar-session.entity';

/** The session row as held under its lock, with the clock read by the database. */
export interface LockedSession {
  id: string;
  course_id: string;
  course_version_id: string;
  trainer_user_id: string;
  status: SessionStatus;
  capacity: number;
  starts_at: Date;
  ends_at: Date;
  booking_deadline: Date | null;
  started: boolean;
  deadline_passed: boolean;
}

export interface Seats {
  booked: number;
  waitlisted: number;
}

/**
 * Every decision about seats is taken here, under the session's row lock:
 * whoever changes a session's bookings locks the session first, then counts
 * in a new statement (whose snapshot sees every booking committed before the
 * lock was granted). So capacity holds whatever the concurrency, and the
 * waitlist is served strictly in arrival order.
 */
@Injectable()
export class SeatLedger {
  constructor(private readonly tx: TransactionHost) {}

  /** Locks the session until the transaction ends; must be called inside one. */
  async lock(sessionId: string): Promise<LockedSession> {
    const [row] = await this.tx.query<LockedSession>(
      `SELECT id, course_id, course_version_id, trainer_user_id, status, capacity, starts_at, ends_at, booking_deadline,
              starts_at <= now() AS started, coalesce(booking_deadline < now(), false) AS deadline_passed
       FROM seminar_session WHERE id = $1 FOR UPDATE`,
      [sessionId],
    );
    if (!row) throw new NotFound('Seminar session', sessionId);
    return row;
  }

  /** Seats taken (booked, or held by an attended booking) and places in the queue; call under the lock. */
  async seats(sessionId: string): Promise<Seats> {
    const [seats] = await this.tx.query<Seats>(
      `SELECT count(*) FILTER (WHERE status IN ('booked', 'closed'))::int AS booked,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
       FROM seminar_booking WHERE session_id = $1`,
      [sessionId],
    );
    return seats;
  }

  /**
   * Moves the first waiting officers into the free seats, in arrival order;
   * returns who was promoted. Call under the lock, after freeing seats.
   */
  async fillFromWaitlist(sessionId: string): Promise<{ id: string; officer_id: string }[]> {
    return this.tx.query<{ id: string; officer_id: string }>(
      `WITH free AS (
         SELECT greatest(s.capacity - (SELECT count(*) FROM seminar_booking t
                                       WHERE t.session_id = s.id AND t.status IN ('booked', 'closed')), 0) AS seats
         FROM seminar_session s WHERE s.id = $1),
       next AS (
         SELECT w.id FROM seminar_booking w WHERE w.session_id = $1 AND w.status = 'waitlisted'
         ORDER BY w.seq LIMIT (SELECT seats FROM free))
       UPDATE seminar_booking b SET status = 'booked', promoted_at = now()
       FROM next WHERE b.id = next.id
       RETURNING b.id, b.officer_id`,
      [sessionId],
    );
  }
}
