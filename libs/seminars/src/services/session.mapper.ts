import { LocalizedText } from '@lms/core';
import { SessionLanguage, SessionStatus } from '../entities/seminar-session.entity';

export interface SessionRow {
  id: string;
  course_id: string;
  course_code: string;
  course_title: LocalizedText;
  course_version_id: string;
  unit_id: string;
  unit_name: string;
  unit_names: Partial<LocalizedText>;
  unit_path: string;
  unit_timezone: string;
  trainer_user_id: string;
  starts_at: Date;
  ends_at: Date;
  address: string | null;
  room: string | null;
  online_url: string | null;
  capacity: number;
  language: SessionLanguage;
  booking_deadline: Date | null;
  status: SessionStatus;
  revision: number;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  booked: number;
  waitlisted: number;
}

/**
 * A session with its course title, unit (path for scope, time zone for
 * display) and seat counts. Counts are read with the statement's snapshot:
 * decisions about seats are taken on fresh counts under the session lock
 * (see SeatLedger), never on these.
 */
export const SESSION_SELECT = `
  SELECT s.*, c.code AS course_code, c.title AS course_title, u.name AS unit_name, u.names AS unit_names, u.path AS unit_path,
         u.timezone AS unit_timezone,
         (SELECT count(*)::int FROM seminar_booking b WHERE b.session_id = s.id AND b.status IN ('booked', 'closed')) AS booked,
         (SELECT count(*)::int FROM seminar_booking b WHERE b.session_id = s.id AND b.status = 'waitlisted') AS waitlisted
  FROM seminar_session s JOIN course c ON c.id = s.course_id JOIN unit u ON u.id = s.unit_id`;

export interface Location {
  address: string | null;
  room: string | null;
  onlineUrl: string | null;
}

export const locationOf = (row: Pick<SessionRow, 'address' | 'room' | 'online_url'>): Location => ({
  address: row.address,
  room: row.room,
  onlineUrl: row.online_url,
});

/** One line for calendars and sheets: "address, room" and/or the link. */
export function locationLine(location: Location): string {
  const place = [location.address, location.room].filter(Boolean).join(', ');
  return [place, location.onlineUrl].filter(Boolean).join(' — ');
}

export function mapSession(row: SessionRow, trainerName: string | null) {
  return {
    id: row.id,
    courseId: row.course_id,
    courseCode: row.course_code,
    courseTitle: row.course_title,
    courseVersionId: row.course_version_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitNames: row.unit_names,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    location: locationOf(row),
    trainerUserId: row.trainer_user_id,
    trainerName,
    capacity: row.capacity,
    booked: row.booked,
    waitlisted: row.waitlisted,
    available: Math.max(row.capacity - row.booked, 0),
    language: row.language,
    bookingDeadline: row.booking_deadline,
    status: row.status,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type SessionView = ReturnType<typeof mapSession>;
