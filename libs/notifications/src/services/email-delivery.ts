import { Injectable, Logger } from '@nestjs/common';
import { Language, TransactionHost } from '@lms/core';
import { EmailStatus } from '../entities/notification.entity';
import { NotificationKind } from '../notification-kinds';
import { renderEmail } from '../templates/render';
import { Mailer } from './mailer';

interface Pending {
  id: string;
  kind: NotificationKind;
  payload: object;
  email_status: EmailStatus;
  email: string | null;
  language: Language;
}

/**
 * The `notifications.email` job: renders the notification in the recipient's
 * language and sends it, holding the notification's row lock from the check
 * to the record of the send. A retried or duplicated job finds it `sent` and
 * stops. A refusal or a timeout rolls back and throws: the queue retries with
 * back-off, then dead-letters the job.
 *
 * The one window left is a process killed after the SMTP server accepted the
 * message and before the commit; the message id stays the same, so such a
 * copy is recognisably a duplicate.
 */
@Injectable()
export class EmailDelivery {
  private readonly logger = new Logger('EmailDelivery');

  constructor(
    private readonly tx: TransactionHost,
    private readonly mailer: Mailer,
  ) {}

  async deliver(notificationId: string): Promise<EmailStatus | 'gone'> {
    return this.tx.withTransaction(async () => {
      const [row] = await this.tx.query<Pending>(
        `SELECT n.id, n.kind, n.payload, n.email_status, a.email,
                coalesce(a.language, o.language, 'ru') AS language
         FROM notification n
         LEFT JOIN user_account a ON NOT a.disabled AND (a.id = n.user_id OR (n.user_id IS NULL AND a.officer_id = n.officer_id))
         LEFT JOIN officer o ON o.id = coalesce(n.officer_id, a.officer_id)
         WHERE n.id = $1
         FOR UPDATE OF n`,
        [notificationId],
      );
      if (!row) return 'gone';
      if (row.email_status !== 'pending') return row.email_status;
      if (!row.email) return this.record(row.id, 'no-address', null);
      const email = renderEmail(row.kind, row.language, row.payload);
      const outcome = await this.mailer.send({ ...email, to: row.email, messageId: `<${row.id}@lms.notifications>` });
      this.logger.log(`notification ${row.id} (${row.kind}) e-mailed to ${row.email}: ${outcome}`);
      return this.record(row.id, outcome, row.email);
    });
  }

  private async record(id: string, status: EmailStatus, to: string | null): Promise<EmailStatus> {
    await this.tx.query(
      `UPDATE notification SET email_status = $2::varchar, email_to = $3,
              emailed_at = CASE WHEN $2::varchar IN ('sent', 'logged') THEN now() END
       WHERE id = $1`,
      [id, status, to],
    );
    return status;
  }
}
