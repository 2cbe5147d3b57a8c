import { Injectable } from '@nestjs/common';
import { Page, pageClause, RequestContext, TransactionHost } from '@lms/core';
import { UserService } from '@lms/identity';
import { MySessionsQuery } from '../dto/booking.dto';
import { mapOwnBooking, OWN_BOOKING_COLUMNS, OwnBooking, OwnBookingRow } from './roster.service';
import { mapSession, SESSION_SELECT, SessionRow, SessionView } from './session.mapper';
import { SessionService } from './session.service';

/** The signed-in officer's bookings with their sessions: upcoming first (soonest first), then past ones (latest first). */
@Injectable()
export class MySessionsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly sessions: SessionService,
    private readonly users: UserService,
  ) {}

  async list(ctx: RequestContext, query: MySessionsQuery): Promise<Page<OwnBooking & { session: SessionView }>> {
    const officerId = ctx.actor?.officerId;
    if (!officerId) return { items: [], total: 0, limit: query.limit, offset: query.offset };
    const params: unknown[] = [officerId];
    let filter = `b.status <> 'cancelled'`;
    if (query.status) {
      params.push(query.status);
      filter = `b.status = $2`;
    }
    const bookings = await this.tx.query<OwnBookingRow & { session_id: string; total: number }>(
      `SELECT b.session_id, ${OWN_BOOKING_COLUMNS}, count(*) OVER ()::int AS total
       FROM seminar_booking b JOIN seminar_session s ON s.id = b.session_id
       LEFT JOIN seminar_attendance a ON a.booking_id = b.id
       WHERE b.officer_id = $1 AND ${filter}
       ORDER BY s.starts_at > now() DESC, CASE WHEN s.starts_at > now() THEN s.starts_at END, s.starts_at DESC, b.seq
       ${pageClause(query, params)}`,
      params,
    );
    const rows = await this.tx.query<SessionRow>(`${SESSION_SELECT} WHERE s.id = ANY($1::uuid[])`, [
      bookings.map((b) => b.session_id),
    ]);
    const sessions = new Map(rows.map((row) => [row.id, row]));
    const names = await this.users.displayNames(rows.map((row) => row.trainer_user_id));
    const items = bookings.map((booking) => {
      const session = sessions.get(booking.session_id)!;
      const trainer = names.get(session.trainer_user_id) ?? null;
      return { ...mapOwnBooking(booking), session: mapSession(session, trainer) };
    });
    return { items, total: bookings[0]?.total ?? 0, limit: query.limit, offset: query.offset };
  }
}
