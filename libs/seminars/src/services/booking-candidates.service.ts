import { Injectable } from '@nestjs/common';
import { likeEscape, LocalizedText, RequestContext, subtreeCondition, TransactionHost } from '@lms/core';
import { SessionService } from './session.service';

export interface BookingCandidate {
  officerId: string;
  fullName: string;
  personnelNumber: string;
  rank: string;
  unitName: string;
  unitNames: Partial<LocalizedText>;
}

/**
 * Whom HR can still book on a session: officers of its subtree (not
 * dismissed) with an open enrolment on the session's course and no active
 * booking for that course, the session's own trainer aside. The booking
 * itself decides again under the session lock; this list only offers.
 */
@Injectable()
export class BookingCandidates {
  constructor(
    private readonly tx: TransactionHost,
    private readonly sessions: SessionService,
  ) {}

  async list(
    ctx: RequestContext,
    sessionId: string,
    query: { q?: string; limit: number },
  ): Promise<{ items: BookingCandidate[]; total: number }> {
    const session = await this.sessions.find(ctx, sessionId);
    const params: unknown[] = [session.course_id, session.trainer_user_id];
    const where = [subtreeCondition('u.path', ctx.subtrees('hr'), params)];
    if (query.q) {
      params.push(`%${likeEscape(query.q)}%`);
      where.push(`(o.full_name ILIKE $${params.length} OR o.personnel_number ILIKE $${params.length})`);
    }
    params.push(query.limit);
    const rows = await this.tx.query<BookingCandidate & { total: number }>(
      `SELECT o.id AS "officerId", o.full_name AS "fullName", o.personnel_number AS "personnelNumber", o.rank,
              u.name AS "unitName", u.names AS "unitNames", count(*) OVER ()::int AS total
       FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE o.status <> 'dismissed' AND ${where.join(' AND ')}
         AND EXISTS (SELECT 1 FROM enrollment e WHERE e.officer_id = o.id AND e.course_id = $1
                     AND e.status IN ('assigned', 'in_progress'))
         AND NOT EXISTS (SELECT 1 FROM seminar_booking b WHERE b.officer_id = o.id AND b.course_id = $1
                         AND b.status IN ('booked', 'waitlisted'))
         AND NOT EXISTS (SELECT 1 FROM user_account t WHERE t.id = $2 AND t.officer_id = o.id)
       ORDER BY o.full_name, o.personnel_number
       LIMIT $${params.length}`,
      params,
    );
    return { items: rows.map(({ total: _total, ...item }) => item), total: rows[0]?.total ?? 0 };
  }
}
