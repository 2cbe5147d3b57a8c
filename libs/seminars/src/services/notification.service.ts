import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@lms/core';

export type NotificationKind =
  'seminar.session-cancelled' | 'seminar.session-changed' | 'seminar.booking-promoted' | 'seminar.booking-cancelled';

export interface Recipient {
  officerId: string;
  bookingId: string;
}

/**
 * Writes what officers must be told, in the transaction that caused it, one
 * row per officer; the worker delivers them later. Owns `notification`.
 */
@Injectable()
export class NotificationService {
  constructor(private readonly tx: TransactionHost) {}

  async send(kind: NotificationKind, recipients: Recipient[], payload: Record<string, unknown>): Promise<number> {
    if (recipients.length === 0) return 0;
    const rows = await this.tx.query(
      `INSERT INTO notification (officer_id, kind, payload)
       SELECT r.officer_id, $1, $2::jsonb || jsonb_build_object('bookingId', r.booking_id)
       FROM unnest($3::uuid[], $4::uuid[]) AS r(officer_id, booking_id)
       RETURNING id`,
      [kind, JSON.stringify(payload), recipients.map((r) => r.officerId), recipients.map((r) => r.bookingId)],
    );
    return rows.length;
  }
}

/** What an officer needs to know about a session in any notification about it. */
export function sessionPayload(session: {
  id: string;
  course_id: string;
  course_title?: unknown;
  starts_at: Date;
  ends_at: Date;
}): Record<string, unknown> {
  return {
    sessionId: session.id,
    courseId: session.course_id,
    courseTitle: session.course_title ?? null,
    startsAt: session.starts_at,
    endsAt: session.ends_at,
  };
}
