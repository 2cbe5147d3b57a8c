import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@lms/core';
import { JobQueue } from '@lms/jobs';
import { NotificationKind } from '../notification-kinds';

export const EMAIL_JOB = 'notifications.email';

/**
 * One notification to write. `key` names the event it tells of, so writing
 * the same event again (a retried job, a second worker) changes nothing.
 * Addressed to an officer (`officerId`: whoever holds their account) or a
 * user account (`userId`); `unitId` defaults to the officer's unit.
 */
export interface NotificationDraft {
  key: string;
  kind: NotificationKind;
  officerId?: string | null;
  userId?: string | null;
  unitId?: string | null;
  payload: object;
}

/**
 * Writes notifications in the caller's transaction, all in one statement,
 * and queues an e-mail job for each new one whose recipient has an address,
 * in the same transaction: a rolled-back change tells nobody anything.
 * Owns `notification`.
 */
@Injectable()
export class NotificationService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly queue: JobQueue,
  ) {}

  /** Returns how many were new (the others had been written before). */
  async notify(drafts: NotificationDraft[]): Promise<number> {
    if (drafts.length === 0) return 0;
    return this.tx.withTransaction(async () => {
      const rows = await this.tx.query<{ id: string; email_status: string }>(
        `WITH draft AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS d(key text, kind text, officer_id uuid, user_id uuid, unit_id uuid, payload jsonb)
         )
         INSERT INTO notification (idempotency_key, kind, officer_id, user_id, unit_id, payload, email_status)
         SELECT d.key, d.kind, d.officer_id, d.user_id, coalesce(d.unit_id, o.unit_id), d.payload,
                CASE WHEN EXISTS (
                  SELECT 1 FROM user_account a
                  WHERE a.email IS NOT NULL AND NOT a.disabled
                    AND (a.id = d.user_id OR (d.user_id IS NULL AND a.officer_id = d.officer_id))
                ) THEN 'pending' ELSE 'no-address' END
         FROM draft d LEFT JOIN officer o ON o.id = d.officer_id
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id, email_status`,
        [
          JSON.stringify(
            drafts.map((d) => ({
              key: d.key,
              kind: d.kind,
              officer_id: d.officerId ?? null,
              user_id: d.userId ?? null,
              unit_id: d.unitId ?? null,
              payload: d.payload,
            })),
          ),
        ],
      );
      await this.queue.sendMany(
        rows
          .filter((row) => row.email_status === 'pending')
          .map((row) => ({ name: EMAIL_JOB, data: { notificationId: row.id } })),
      );
      return rows.length;
    });
  }
}
