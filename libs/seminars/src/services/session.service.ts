import { Injectable } from '@nestjs/common';
import { NotFound, Page, RequestContext, TransactionHost } from '@lms/core';
import { UserService } from '@lms/identity';
import { ListSessionsQuery } from '../dto/session.dto';
import { canManage, isStaff, SESSION_STAFF, visibleSessions } from './session-access';
import { mapSession, SESSION_SELECT, SessionRow, SessionView } from './session.mapper';
import { OwnBooking, RosterEntry, RosterService } from './roster.service';

export type SessionDetail = SessionView & {
  roster?: RosterEntry[];
  mayManage?: boolean;
  myBooking?: OwnBooking | null;
};

/** Reading sessions: one with its roster (staff) or the caller's booking (officers), and lists. */
@Injectable()
export class SessionService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserService,
    private readonly roster: RosterService,
  ) {}

  /** A session the caller may see; 404 otherwise, so existence does not leak. */
  async find(ctx: RequestContext, id: string): Promise<SessionRow> {
    const params: unknown[] = [id];
    const [row] = await this.tx.query<SessionRow>(
      `${SESSION_SELECT} WHERE s.id = $1 AND ${visibleSessions(ctx, params)}`,
      params,
    );
    if (!row) throw new NotFound('Seminar session', id);
    return row;
  }

  async get(ctx: RequestContext, id: string): Promise<SessionDetail> {
    const row = await this.find(ctx, id);
    const names = await this.users.displayNames([row.trainer_user_id]);
    const view: SessionDetail = mapSession(row, names.get(row.trainer_user_id) ?? null);
    if (isStaff(ctx) || row.trainer_user_id === ctx.userId) {
      // Staff who only see a session held above their units see their own officers on it.
      view.mayManage = canManage(ctx, row);
      view.roster = await this.roster.entries(id, view.mayManage ? null : ctx.subtrees(...SESSION_STAFF));
    }
    const officerId = ctx.actor?.officerId;
    if (officerId) view.myBooking = (await this.roster.bookingsOf(officerId, [id])).get(id) ?? null;
    return view;
  }

  async list(ctx: RequestContext, query: ListSessionsQuery): Promise<Page<SessionDetail>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const officerId = ctx.actor?.officerId ?? null;
    if (isStaff(ctx)) {
      where.push(visibleSessions(ctx, params));
    } else if (officerId) {
      // An officer is shown what they can still book: upcoming sessions of courses they are enrolled on.
      params.push(officerId);
      where.push(`EXISTS (SELECT 1 FROM enrollment e WHERE e.officer_id = $${params.length} AND e.course_id = s.course_id
                          AND e.status IN ('assigned', 'in_progress'))`);
      where.push(`s.status = 'scheduled' AND s.starts_at > now()`);
    } else {
      where.push('FALSE');
    }
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (query.courseId) add('s.course_id = ?', query.courseId);
    if (query.from) add('s.starts_at >= ?', query.from);
    if (query.to) add('s.starts_at < ?', query.to);
    if (query.unitId) add(`u.path LIKE (SELECT path FROM unit WHERE id = ?) || '%'`, query.unitId);
    if (query.trainerUserId) add('s.trainer_user_id = ?', query.trainerUserId);
    if (query.status) add('s.status = ?', query.status);
    const condition = where.join(' AND ');
    const { rows, total } = await this.tx.page<SessionRow>({
      from: `seminar_session s JOIN unit u ON u.id = s.unit_id`,
      select: SESSION_SELECT,
      where: condition,
      orderBy: `s.starts_at, s.id`,
      params,
      page: query,
    });
    const names = await this.users.displayNames(rows.map((row) => row.trainer_user_id));
    const mine = officerId
      ? await this.roster.bookingsOf(
          officerId,
          rows.map((row) => row.id),
        )
      : null;
    const items = rows.map((row) => {
      const view: SessionDetail = mapSession(row, names.get(row.trainer_user_id) ?? null);
      if (mine) view.myBooking = mine.get(row.id) ?? null;
      return view;
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
