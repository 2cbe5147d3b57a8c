import { Injectable } from '@nestjs/common';
import { Language, NotFound, Page, RequestContext, subtreeCondition, TransactionHost } from '@lms/core';
import { UnitService } from '@lms/personnel';
import {
  MyNotificationsQuery,
  NotificationPage,
  NotificationView,
  ReadReceipt,
  SentNotificationsQuery,
  SentNotificationView,
  UnreadCount,
} from '../dto/notification.dto';
import { EmailStatus } from '../entities/notification.entity';
import { NotificationKind } from '../notification-kinds';
import { renderMessage } from '../templates/render';

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
  email_status: EmailStatus;
  email_to: string | null;
  emailed_at: Date | null;
  officer_id: string | null;
  officer_name: string | null;
  user_id: string | null;
  username: string | null;
  unit_id: string;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Mine: addressed to my account, or to my officer record without a named account. */
const MINE = `(n.user_id = $1 OR ($2::uuid IS NOT NULL AND n.user_id IS NULL AND n.officer_id = $2))`;

/**
 * The inbox: a user's own notifications (read, unread count, mark read), and
 * for HR what was sent to whom in its subtree and when.
 */
@Injectable()
export class InboxService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitService,
  ) {}

  async mine(ctx: RequestContext, query: MyNotificationsQuery): Promise<NotificationPage> {
    const actor = ctx.actor!;
    const params: unknown[] = [actor.userId, actor.officerId];
    const where = [MINE];
    if (query.unread) where.push('n.read_at IS NULL');
    const { rows, total } = await this.tx.page<NotificationRow>({
      from: 'notification n',
      select: 'SELECT n.* FROM notification n',
      where: where.join(' AND '),
      orderBy: 'n.created_at DESC, n.id',
      params,
      page: query,
    });
    const language = query.lang ?? (await this.languageOf(actor.userId));
    return {
      items: rows.map((row) => this.mapOwn(row, language)),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async unreadCount(ctx: RequestContext): Promise<UnreadCount> {
    const [{ unread }] = await this.tx.query<{ unread: number }>(
      `SELECT count(*)::int AS unread FROM notification n WHERE ${MINE} AND n.read_at IS NULL`,
      [ctx.actor!.userId, ctx.actor!.officerId],
    );
    return { unread };
  }

  /** Marks one of mine read (again: keeps the first time); anyone else's is 404. */
  async markRead(ctx: RequestContext, id: string): Promise<ReadReceipt> {
    const actor = ctx.actor!;
    const [row] = await this.tx.query<{ id: string; read_at: Date }>(
      `UPDATE notification n SET read_at = coalesce(n.read_at, now())
       WHERE ${MINE} AND n.id = $3 RETURNING n.id, n.read_at`,
      [actor.userId, actor.officerId, id],
    );
    if (!row) throw new NotFound('Notification', id);
    return { id: row.id, readAt: row.read_at.toISOString() };
  }

  /** What was sent in HR's subtrees (optionally one unit's subtree, one officer, one kind), newest first. */
  async sent(ctx: RequestContext, query: SentNotificationsQuery): Promise<Page<SentNotificationView>> {
    const params: unknown[] = [];
    const where = [subtreeCondition('u.path', ctx.subtrees('hr'), params)];
    if (query.unitId) {
      const unit = await this.units.findInScope(ctx, query.unitId, ['hr']);
      params.push(unit.path + '%');
      where.push(`u.path LIKE $${params.length}`);
    }
    if (query.officerId) {
      params.push(query.officerId);
      where.push(`n.officer_id = $${params.length}`);
    }
    if (query.kind) {
      params.push(query.kind);
      where.push(`n.kind = $${params.length}`);
    }
    const { rows, total } = await this.tx.page<NotificationRow>({
      from: 'notification n JOIN unit u ON u.id = n.unit_id',
      select: `SELECT n.*, o.full_name AS officer_name, a.username
               FROM notification n JOIN unit u ON u.id = n.unit_id
               LEFT JOIN officer o ON o.id = n.officer_id
               LEFT JOIN user_account a ON a.id = n.user_id`,
      where: where.join(' AND '),
      orderBy: 'n.created_at DESC, n.id',
      params,
      page: query,
    });
    const language = query.lang ?? 'ru';
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        title: renderMessage(row.kind, language, row.payload).subject,
        recipient: {
          officerId: row.officer_id,
          officerName: row.officer_name,
          userId: row.user_id,
          username: row.username,
        },
        unitId: row.unit_id,
        createdAt: row.created_at.toISOString(),
        readAt: iso(row.read_at),
        email: { status: row.email_status, to: row.email_to, sentAt: iso(row.emailed_at) },
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  private mapOwn(row: NotificationRow, language: Language): NotificationView {
    const message = renderMessage(row.kind, language, row.payload);
    return {
      id: row.id,
      kind: row.kind,
      title: message.subject,
      body: message.body,
      payload: row.payload,
      createdAt: row.created_at.toISOString(),
      readAt: iso(row.read_at),
      email: { status: row.email_status, sentAt: iso(row.emailed_at) },
    };
  }

  private async languageOf(userId: string): Promise<Language> {
    const [row] = await this.tx.query<{ language: Language }>(
      `SELECT coalesce(a.language, o.language, 'ru') AS language
       FROM user_account a LEFT JOIN officer o ON o.id = a.officer_id WHERE a.id = $1`,
      [userId],
    );
    return row?.language ?? 'ru';
  }
}
