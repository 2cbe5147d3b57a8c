import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionHost } from '@lms/core';
import { UserService } from '@lms/identity';
import { calendar, CalendarSession } from './calendar';
import { locationOf, SESSION_SELECT, SessionRow } from './session.mapper';
import { SessionService } from './session.service';

/** Calendar files: one session, or the signed-in officer's booked sessions as a feed. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly sessions: SessionService,
    private readonly users: UserService,
  ) {}

  async session(ctx: RequestContext, id: string): Promise<string> {
    const row = await this.sessions.find(ctx, id);
    return calendar(await this.describe([row]), 'Семинар');
  }

  /** The signed-in officer's sessions. */
  async mine(ctx: RequestContext): Promise<string> {
    return this.forUser(null, ctx.actor?.officerId ?? null);
  }

  /**
   * An officer's seats (booked or attended), and sessions cancelled under
   * them, so that a subscribed calendar removes those; and the sessions a
   * trainer runs (from 90 days back).
   */
  async forUser(trainerUserId: string | null, officerId: string | null): Promise<string> {
    const rows = await this.tx.query<SessionRow>(
      `${SESSION_SELECT}
       WHERE EXISTS (SELECT 1 FROM seminar_booking b WHERE b.session_id = s.id AND b.officer_id = $1
                     AND (b.status IN ('booked', 'closed') OR b.cancel_reason = 'session-cancelled'))
          OR (s.trainer_user_id = $2 AND s.ends_at > now() - interval '90 days')
       ORDER BY s.starts_at`,
      [officerId, trainerUserId],
    );
    return calendar(await this.describe(rows), 'Семинарлар / Семинары');
  }

  private async describe(rows: SessionRow[]): Promise<CalendarSession[]> {
    const names = await this.users.displayNames(rows.map((row) => row.trainer_user_id));
    return rows.map((row) => ({
      id: row.id,
      courseTitle: row.course_title,
      language: row.language,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      location: locationOf(row),
      status: row.status,
      revision: row.revision,
      updatedAt: row.updated_at,
      trainerName: names.get(row.trainer_user_id) ?? null,
    }));
  }
}
