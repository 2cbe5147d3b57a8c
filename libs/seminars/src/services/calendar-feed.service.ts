import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG, AuditService, NotFound, RequestContext, TransactionHost } from '@lms/core';
import { CalendarFeedList, CreatedCalendarFeed } from '../dto/calendar-feed.dto';
import { CalendarService } from './calendar.service';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
/** 256 random bits, URL-safe: unguessable, and useless to whoever reads the table. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Secret calendar-feed URLs: a user creates one for their calendar app,
 * which then reads their sessions without a token; deleting it makes the URL
 * answer 404. The feed lists the sessions the user holds a seat at (an
 * officer) and those they run (a trainer).
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly calendars: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(ctx: RequestContext): Promise<CreatedCalendarFeed> {
    return this.tx.withTransaction(async () => {
      const token = randomBytes(32).toString('base64url');
      const [row] = await this.tx.query<{ id: string; created_at: Date }>(
        `INSERT INTO calendar_feed (user_id, token_hash) VALUES ($1, $2) RETURNING id, created_at`,
        [ctx.actor!.userId, hashOf(token)],
      );
      await this.audit.record(ctx, { action: 'calendar-feed.create', entityType: 'calendar_feed', entityId: row.id });
      return {
        id: row.id,
        url: `${this.config.publicUrl}/api/v1/calendar-feeds/${token}/sessions.ics`,
        createdAt: row.created_at.toISOString(),
      };
    });
  }

  async list(ctx: RequestContext): Promise<CalendarFeedList> {
    const rows = await this.tx.query<{ id: string; created_at: Date; last_read_at: Date | null }>(
      `SELECT id, created_at, last_read_at FROM calendar_feed WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at`,
      [ctx.actor!.userId],
    );
    const items = rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at.toISOString(),
      lastReadAt: row.last_read_at ? row.last_read_at.toISOString() : null,
    }));
    return { items, total: items.length };
  }

  /** Revokes one of the caller's feeds; its URL answers 404 from now on. Someone else's: 404. */
  async revoke(ctx: RequestContext, id: string): Promise<void> {
    await this.tx.withTransaction(async () => {
      const [row] = await this.tx.query<{ id: string }>(
        `UPDATE calendar_feed SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
        [id, ctx.actor!.userId],
      );
      if (!row) throw new NotFound('Calendar feed', id);
      await this.audit.record(ctx, { action: 'calendar-feed.revoke', entityType: 'calendar_feed', entityId: id });
    });
  }

  /** The calendar behind a feed URL; an unknown, revoked or disabled one is 404, whatever the reason. */
  async read(token: string): Promise<string> {
    if (!TOKEN.test(token)) throw new NotFound('Calendar feed');
    const [feed] = await this.tx.query<{ user_id: string; officer_id: string | null }>(
      `UPDATE calendar_feed f SET last_read_at = now()
       FROM user_account a
       WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND a.id = f.user_id AND NOT a.disabled
       RETURNING f.user_id, a.officer_id`,
      [hashOf(token)],
    );
    if (!feed) throw new NotFound('Calendar feed');
    return this.calendars.forUser(feed.user_id, feed.officer_id);
  }
}
