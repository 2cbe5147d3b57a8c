import { Injectable } from '@nestjs/common';
import { LocalizedText, subtreeCondition, TransactionHost } from '@lms/core';
import { AttendanceStatus } from '../entities/seminar-attendance.entity';
import { BookingStatus } from '../entities/seminar-booking.entity';
import { OwnBookingView, RosterEntryView } from '../dto/session.response';

interface RosterRow {
  booking_id: string;
  officer_id: string;
  personnel_number: string;
  full_name: string;
  rank: string;
  position: string;
  unit_id: string;
  unit_name: string;
  unit_names: Partial<LocalizedText>;
  status: BookingStatus;
  queue_position: number | null;
  booked_at: Date;
  attendance: AttendanceStatus | null;
  hours: string | null;
  marked_at: Date | null;
}

/** Bookings of a session that are not cancelled, with the waitlist position computed over all of them. */
const ROSTER_SELECT = `
  SELECT * FROM (
    SELECT b.id AS booking_id, b.officer_id, o.personnel_number, o.full_name, o.rank, o.position, o.unit_id,
           ou.name AS unit_name, ou.names AS unit_names, ou.path AS unit_path, b.status, b.seq, b.created_at AS booked_at,
           CASE WHEN b.status = 'waitlisted'
                THEN row_number() OVER (PARTITION BY b.status = 'waitlisted' ORDER BY b.seq) END AS queue_position,
           a.status AS attendance, a.hours, a.marked_at
    FROM seminar_booking b JOIN officer o ON o.id = b.officer_id JOIN unit ou ON ou.id = o.unit_id
    LEFT JOIN seminar_attendance a ON a.booking_id = b.id
    WHERE b.session_id = $1 AND b.status <> 'cancelled') r`;

const mapEntry = (row: RosterRow): RosterEntryView => ({
  bookingId: row.booking_id,
  officerId: row.officer_id,
  personnelNumber: row.personnel_number,
  fullName: row.full_name,
  rank: row.rank,
  position: row.position,
  unitId: row.unit_id,
  unitName: row.unit_name,
  unitNames: row.unit_names,
  status: row.status,
  waitlistPosition: row.queue_position === null ? null : Number(row.queue_position),
  bookedAt: row.booked_at,
  attendance: row.attendance && { status: row.attendance, hours: Number(row.hours), markedAt: row.marked_at },
});

export type RosterEntry = ReturnType<typeof mapEntry>;

/** Who is on a session: seats first (by name), then the waitlist in order. Reads officer and unit for names only. */
@Injectable()
export class RosterService {
  constructor(private readonly tx: TransactionHost) {}

  /** `officerScope` limits the list to officers of those subtrees (null: everyone). */
  async entries(sessionId: string, officerScope: string[] | null): Promise<RosterEntry[]> {
    const params: unknown[] = [sessionId];
    const scope = subtreeCondition('r.unit_path', officerScope, params);
    const rows = await this.tx.query<RosterRow>(
      `${ROSTER_SELECT} WHERE ${scope}
       ORDER BY r.status = 'waitlisted', r.queue_position, r.full_name, r.personnel_number`,
      params,
    );
    return rows.map(mapEntry);
  }

  /** The officer's current (not cancelled) booking on each of these sessions. */
  async bookingsOf(officerId: string, sessionIds: string[]): Promise<Map<string, OwnBooking>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.tx.query<{ session_id: string } & OwnBookingRow>(
      `SELECT b.session_id, ${OWN_BOOKING_COLUMNS}
       FROM seminar_booking b LEFT JOIN seminar_attendance a ON a.booking_id = b.id
       WHERE b.officer_id = $1 AND b.session_id = ANY($2::uuid[]) AND b.status <> 'cancelled'`,
      [officerId, sessionIds],
    );
    return new Map(rows.map((row) => [row.session_id, mapOwnBooking(row)]));
  }
}

export interface OwnBookingRow {
  id: string;
  status: BookingStatus;
  queue_position: number | null;
  created_at: Date;
  attendance: AttendanceStatus | null;
  hours: string | null;
}

/** An officer's booking (alias b, attendance a) with its place in the queue. */
export const OWN_BOOKING_COLUMNS = `b.id, b.status, b.created_at, a.status AS attendance, a.hours,
  CASE WHEN b.status = 'waitlisted' THEN (SELECT count(*)::int FROM seminar_booking w
    WHERE w.session_id = b.session_id AND w.status = 'waitlisted' AND w.seq <= b.seq) END AS queue_position`;

export const mapOwnBooking = (row: OwnBookingRow): OwnBookingView => ({
  id: row.id,
  status: row.status,
  /** Place in the waitlist (1 is next), null when holding a seat. */
  position: row.queue_position,
  bookedAt: row.created_at,
  attendance: row.attendance && { status: row.attendance, hours: Number(row.hours) },
});

export type OwnBooking = ReturnType<typeof mapOwnBooking>;
