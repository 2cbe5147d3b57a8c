import type { EnrollmentReason } from '../entities/enrollment.entity';
import { EFFECTIVE_STATUS } from './audience.sql';

/** A row of `myEnrollmentsSql`. */
export interface MyEnrollmentRow {
  id: string;
  course_id: string;
  course_code: string;
  title: Record<string, string>;
  cycle: number;
  status: string;
  due_at: Date | null;
  completed_at: Date | null;
  expires_at: Date | null;
  course_version_id: string | null;
  reason: EnrollmentReason | null;
  reason_detail: string | null;
  total: number;
}

/**
 * The signed-in officer's enrolments, open ones first by due date, with the
 * total: `$1` the officer, then the status when `byStatus`, then the page's
 * limit and offset. One statement, by the enrolment's officer index.
 */
export function myEnrollmentsSql(byStatus: boolean): string {
  const next = byStatus ? 3 : 2;
  return `SELECT e.id, e.course_id, c.code AS course_code, c.title, e.cycle, ${EFFECTIVE_STATUS} AS status, e.due_at, e.completed_at,
              e.expires_at, e.course_version_id, e.reason, e.reason_detail, count(*) OVER ()::int AS total
       FROM enrollment e JOIN course c ON c.id = e.course_id
       WHERE e.officer_id = $1 ${byStatus ? `AND ${EFFECTIVE_STATUS} = $2` : ''}
       ORDER BY (e.status IN ('assigned', 'in_progress')) DESC, e.due_at NULLS LAST, e.assigned_at DESC
       LIMIT $${next}::int OFFSET $${next + 1}::int`;
}

export function mapMyEnrollment(row: MyEnrollmentRow) {
  return {
    id: row.id,
    courseId: row.course_id,
    courseCode: row.course_code,
    courseTitle: row.title,
    cycle: row.cycle,
    status: row.status,
    dueAt: row.due_at,
    completedAt: row.completed_at,
    expiresAt: row.expires_at,
    courseVersionId: row.course_version_id,
    reason: row.reason,
    reasonDetail: row.reason_detail,
  };
}
