import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG, LocalizedText, TransactionHost } from '@lms/core';
import { NotificationService } from '@lms/notifications';

interface DueRow {
  enrollment_id: string;
  officer_id: string;
  unit_id: string;
  course_id: string;
  course_title: LocalizedText;
  due_date: string;
  days_left: number;
  days_before: number | null;
}

/** A due instant is the next midnight after the due day: the day itself is the second before it, locally. */
const DUE_DATE = `to_char((e.due_at - interval '1 second') AT TIME ZONE u.timezone, 'YYYY-MM-DD')`;
const OPEN_ENROLMENTS = `
  FROM enrollment e
  JOIN officer o ON o.id = e.officer_id AND o.status = 'active'
  JOIN unit u ON u.id = o.unit_id
  JOIN course c ON c.id = e.course_id`;
const IS_OPEN = `e.status IN ('assigned', 'in_progress') AND e.due_at IS NOT NULL`;

/**
 * Reminders before a due date and the notice on the day it passes, as of the
 * clock's `asOf`. Each is one statement over every open enrolment; what was
 * already sent is skipped by the notifications' idempotency keys, so a sweep
 * that runs late, twice or on two workers tells each officer once.
 *
 * The reminder for an enrolment is the one whose window is open now: with
 * days [7, 1], from 7 days before until 1 day before it is the 7-day one, in
 * the last day the 1-day one. A window a stopped worker missed entirely is
 * not sent late; the next one is.
 */
@Injectable()
export class DueNoticesService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly notifications: NotificationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendDueSoon(asOf: Date): Promise<number> {
    const rows = await this.tx.query<DueRow>(
      `SELECT e.id AS enrollment_id, e.officer_id, o.unit_id, e.course_id, c.title AS course_title,
              ${DUE_DATE} AS due_date, w.days_before,
              ((e.due_at - interval '1 second') AT TIME ZONE u.timezone)::date - ($1::timestamptz AT TIME ZONE u.timezone)::date AS days_left
       ${OPEN_ENROLMENTS}
       CROSS JOIN LATERAL (
         SELECT min(d) AS days_before FROM unnest(coalesce(c.reminder_days, $2::int[])) AS d
         WHERE e.due_at - make_interval(days => d) <= $1
       ) w
       WHERE ${IS_OPEN} AND e.due_at > $1 AND w.days_before IS NOT NULL`,
      [asOf, this.config.reminderDaysBefore],
    );
    return this.notifications.notify(
      rows.map((row) => ({
        key: `enrollment.due-soon:${row.enrollment_id}:${row.days_before}:${row.due_date}`,
        kind: 'enrollment.due-soon',
        officerId: row.officer_id,
        unitId: row.unit_id,
        payload: { ...this.facts(row), daysLeft: row.days_left, daysBefore: row.days_before },
      })),
    );
  }

  /** The day a due date passes: enrolments that became overdue in the last 30 days (older ones were told already, or predate the notices). */
  async sendOverdue(asOf: Date): Promise<number> {
    const rows = await this.tx.query<DueRow>(
      `SELECT e.id AS enrollment_id, e.officer_id, o.unit_id, e.course_id, c.title AS course_title, ${DUE_DATE} AS due_date
       ${OPEN_ENROLMENTS}
       WHERE ${IS_OPEN} AND e.due_at <= $1 AND e.due_at > $1 - interval '30 days'`,
      [asOf],
    );
    return this.notifications.notify(
      rows.map((row) => ({
        key: `enrollment.overdue:${row.enrollment_id}:${row.due_date}`,
        kind: 'enrollment.overdue',
        officerId: row.officer_id,
        unitId: row.unit_id,
        payload: this.facts(row),
      })),
    );
  }

  private facts(row: DueRow) {
    return {
      enrollmentId: row.enrollment_id,
      courseId: row.course_id,
      courseTitle: row.course_title,
      dueDate: row.due_date,
    };
  }
}
