import { Injectable } from '@nestjs/common';
import { LocalizedText, TransactionHost } from '@lms/core';
import { NotificationService } from '@lms/notifications';

interface BookedRow {
  booking_id: string;
  officer_id: string;
  session_id: string;
  course_id: string;
  course_title: LocalizedText;
  starts_at: Date;
  ends_at: Date;
  address: string | null;
  room: string | null;
  online_url: string | null;
}

interface UnmarkedRow {
  session_id: string;
  trainer_user_id: string;
  unit_id: string;
  course_id: string;
  course_title: LocalizedText;
  starts_at: Date;
  booked: number;
}

/**
 * Reminders about sessions, as of the clock's `asOf`, each one statement:
 * the day before, to every officer holding a seat; after a session ends
 * without attendance marked, to its trainer. Keys name the booking and the
 * session's start (a session moved to another day is reminded again) or the
 * session, so repeated sweeps tell each person once.
 */
@Injectable()
export class SessionRemindersService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly notifications: NotificationService,
  ) {}

  /** Sessions that start tomorrow in their unit's time zone. */
  async sendDayBefore(asOf: Date): Promise<number> {
    const rows = await this.tx.query<BookedRow>(
      `SELECT b.id AS booking_id, b.officer_id, s.id AS session_id, s.course_id, c.title AS course_title,
              s.starts_at, s.ends_at, s.address, s.room, s.online_url
       FROM seminar_session s
       JOIN unit u ON u.id = s.unit_id
       JOIN course c ON c.id = s.course_id
       JOIN seminar_booking b ON b.session_id = s.id AND b.status = 'booked'
       WHERE s.status = 'scheduled' AND s.starts_at > $1
         AND s.starts_at < $1::timestamptz + interval '2 days'
         AND (s.starts_at AT TIME ZONE u.timezone)::date = ($1::timestamptz AT TIME ZONE u.timezone)::date + 1`,
      [asOf],
    );
    return this.notifications.notify(
      rows.map((row) => ({
        key: `seminar.session-reminder:${row.booking_id}:${row.starts_at.toISOString()}`,
        kind: 'seminar.session-reminder',
        officerId: row.officer_id,
        payload: {
          sessionId: row.session_id,
          bookingId: row.booking_id,
          courseId: row.course_id,
          courseTitle: row.course_title,
          startsAt: row.starts_at,
          endsAt: row.ends_at,
          location: { address: row.address, room: row.room, onlineUrl: row.online_url },
        },
      })),
    );
  }

  /** Sessions of the last week that have ended with booked officers whose attendance nobody marked. */
  async sendAttendanceDue(asOf: Date): Promise<number> {
    const rows = await this.tx.query<UnmarkedRow>(
      `SELECT s.id AS session_id, s.trainer_user_id, s.unit_id, s.course_id, c.title AS course_title, s.starts_at,
              count(*)::int AS booked
       FROM seminar_session s
       JOIN course c ON c.id = s.course_id
       JOIN seminar_booking b ON b.session_id = s.id AND b.status = 'booked'
       WHERE s.status = 'scheduled' AND s.ends_at <= $1 AND s.ends_at > $1::timestamptz - interval '7 days'
         AND NOT EXISTS (SELECT 1 FROM seminar_attendance a WHERE a.booking_id = b.id)
       GROUP BY s.id, c.title`,
      [asOf],
    );
    return this.notifications.notify(
      rows.map((row) => ({
        key: `seminar.attendance-reminder:${row.session_id}`,
        kind: 'seminar.attendance-reminder',
        userId: row.trainer_user_id,
        unitId: row.unit_id,
        payload: {
          sessionId: row.session_id,
          courseId: row.course_id,
          courseTitle: row.course_title,
          startsAt: row.starts_at,
          booked: row.booked,
        },
      })),
    );
  }
}
