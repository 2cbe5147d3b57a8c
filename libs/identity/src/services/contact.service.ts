import { Injectable } from '@nestjs/common';
import { AuditService, NotFound, RequestContext, subtreeCondition, TransactionHost } from '@lms/core';
import { ContactDto } from '../dto/user.dto';
import { ContactView } from '../dto/user.response';

interface ContactRow {
  id: string;
  email: string | null;
  language: ContactView['language'];
}

/**
 * A user's e-mail address and language for notifications: set by the user,
 * or by HR for accounts of officers in its subtree (admins: any account in
 * theirs). Outside scope: 404.
 */
@Injectable()
export class ContactService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
  ) {}

  async updateOwn(ctx: RequestContext, dto: ContactDto): Promise<ContactView> {
    return this.write(ctx, ctx.actor!.userId, dto, null);
  }

  async updateFor(ctx: RequestContext, userId: string, dto: ContactDto): Promise<ContactView> {
    return this.tx.withTransaction(async () => {
      const params: unknown[] = [userId];
      // HR (and admins) reach officers' accounts of their subtrees; admins also staff accounts granted there.
      const officerInScope = subtreeCondition('u.path', ctx.subtrees('hr'), params);
      const grantInScope = subtreeCondition('gu.path', ctx.subtrees(), params);
      const [found] = await this.tx.query<{ path: string | null }>(
        `SELECT u.path FROM user_account a
         LEFT JOIN officer o ON o.id = a.officer_id LEFT JOIN unit u ON u.id = o.unit_id
         WHERE a.id = $1
           AND ((u.path IS NOT NULL AND ${officerInScope})
                OR EXISTS (SELECT 1 FROM user_role r JOIN unit gu ON gu.id = r.unit_id
                           WHERE r.user_id = a.id AND ${grantInScope}))`,
        params,
      );
      if (!found) throw new NotFound('User', userId);
      return this.write(ctx, userId, dto, found.path);
    });
  }

  private async write(ctx: RequestContext, userId: string, dto: ContactDto, unitPath: string | null) {
    return this.tx.withTransaction(async () => {
      const [before] = await this.tx.query<ContactRow>(
        'SELECT id, email, language FROM user_account WHERE id = $1 FOR UPDATE',
        [userId],
      );
      if (!before) throw new NotFound('User', userId);
      const [after] = await this.tx.query<ContactRow>(
        `UPDATE user_account SET email = CASE WHEN $2 THEN $3 ELSE email END,
                language = CASE WHEN $4 THEN $5 ELSE language END, updated_at = now()
         WHERE id = $1 RETURNING id, email, language`,
        [userId, dto.email !== undefined, dto.email ?? null, dto.language !== undefined, dto.language ?? null],
      );
      await this.audit.record(ctx, {
        action: 'user.contact',
        entityType: 'user_account',
        entityId: userId,
        unitPath,
        before: { email: before.email, language: before.language },
        after: { email: after.email, language: after.language },
      });
      return { userId, email: after.email, language: after.language };
    });
  }
}
