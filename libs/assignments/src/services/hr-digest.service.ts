import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@lms/core';
import { NotificationService } from '@lms/notifications';

interface DigestRow {
  user_id: string;
  unit_id: string;
  unit_name: string;
  week: string;
  overdue: number;
  newly_overdue: number;
  due_soon: number;
  completed: number;
}

/**
 * The weekly digest to HR: for each HR grant, its subtree's overdue
 * enrolments (and how many became so this week), those due within a week
 * and those completed this week. Sent once per ISO week, from Monday 08:00
 * (the grant's unit time) on: the key names the week, so later sweeps of the
 * same week add nothing. One statement for all HR users.
 */
@Injectable()
export class HrDigestService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly notifications: NotificationService,
  ) {}

  async send(asOf: Date): Promise<number> {
    const rows = await this.tx.query<DigestRow>(
      `WITH hr AS (
         SELECT DISTINCT r.user_id, u.id AS unit_id, u.name AS unit_name, u.path,
                to_char($1::timestamptz AT TIME ZONE u.timezone, 'IYYY-"W"IW') AS week
         FROM user_role r
         JOIN user_account a ON a.id = r.user_id AND NOT a.disabled
         JOIN unit u ON u.id = r.unit_id
         WHERE r.role = 'hr'
           AND NOT (extract(isodow FROM $1::timestamptz AT TIME ZONE u.timezone) = 1
                    AND extract(hour FROM $1::timestamptz AT TIME ZONE u.timezone) < 8)
       ), counted AS (
         SELECT e.status, e.due_at, e.completed_at, ou.path
         FROM enrollment e
         JOIN officer o ON o.id = e.officer_id AND o.status = 'active'
         JOIN unit ou ON ou.id = o.unit_id
         WHERE e.status IN ('assigned', 'in_progress') OR e.completed_at > $1::timestamptz - interval '7 days'
       )
       SELECT hr.user_id, hr.unit_id, hr.unit_name, hr.week,
              count(c.*) FILTER (WHERE c.status IN ('assigned', 'in_progress') AND c.due_at <= $1)::int AS overdue,
              count(c.*) FILTER (WHERE c.status IN ('assigned', 'in_progress') AND c.due_at <= $1
                                 AND c.due_at > $1::timestamptz - interval '7 days')::int AS newly_overdue,
              count(c.*) FILTER (WHERE c.status IN ('assigned', 'in_progress') AND c.due_at > $1
                                 AND c.due_at <= $1::timestamptz + interval '7 days')::int AS due_soon,
              count(c.*) FILTER (WHERE c.status = 'completed' AND c.completed_at <= $1)::int AS completed
       FROM hr LEFT JOIN counted c ON c.path LIKE hr.path || '%'
       GROUP BY hr.user_id, hr.unit_id, hr.unit_name, hr.week`,
      [asOf],
    );
    return this.notifications.notify(
      rows.map((row) => ({
        key: `hr.digest:${row.user_id}:${row.unit_id}:${row.week}`,
        kind: 'hr.digest',
        userId: row.user_id,
        unitId: row.unit_id,
        payload: {
          unitId: row.unit_id,
          unitName: row.unit_name,
          week: row.week,
          asOf: asOf.toISOString(),
          overdue: row.overdue,
          newlyOverdue: row.newly_overdue,
          dueSoon: row.due_soon,
          completed: row.completed,
        },
      })),
    );
  }
}
