import { Injectable } from '@nestjs/common';
import { NotificationKind, NotificationService } from '@lms/notifications';

export type SeminarNoticeKind = Extract<
  NotificationKind,
  'seminar.session-cancelled' | 'seminar.session-changed' | 'seminar.booking-promoted'
>;

export interface Recipient {
  officerId: string;
  bookingId: string;
}

/**
 * What officers must be told about their bookings, handed to the
 * notifications domain in the transaction that caused it. Each notice is
 * keyed by its event: a booking's cancellation or promotion happens once; a
 * change, once per revision of the session.
 */
@Injectable()
export class SeminarNotices {
  constructor(private readonly notifications: NotificationService) {}

  async send(
    kind: SeminarNoticeKind,
    recipients: Recipient[],
    payload: Record<string, unknown> & { sessionId: unknown; revision: unknown },
  ): Promise<number> {
    const event = kind === 'seminar.session-changed' ? `:${String(payload.revision)}` : '';
    return this.notifications.notify(
      recipients.map((r) => ({
        key: `${kind}:${r.bookingId}${event}`,
        kind,
        officerId: r.officerId,
        payload: { ...payload, bookingId: r.bookingId },
      })),
    );
  }
}

/** What an officer needs to know about a session in any notification about it. */
export function sessionPayload(session: {
  id: string;
  course_id: string;
  course_title?: unknown;
  starts_at: Date;
  ends_at: Date;
  revision: number;
}) {
  return {
    sessionId: session.id,
    courseId: session.course_id,
    courseTitle: session.course_title ?? null,
    startsAt: session.starts_at,
    endsAt: session.ends_at,
    revision: session.revision,
  };
}
