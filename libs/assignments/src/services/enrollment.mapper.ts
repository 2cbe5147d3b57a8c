import type { LocalizedText } from '@lms/core';
import { EnrollmentView } from '../dto/enrollment.response';
import { EnrollmentProgress, EnrollmentReason, EnrollmentStatus } from '../entities/enrollment.entity';
import { EFFECTIVE_STATUS } from './audience.sql';

export interface EnrollmentRow {
  id: string;
  officer_id: string;
  officer_name: string;
  personnel_number: string;
  unit_id: string;
  unit_path: string;
  course_id: string;
  course_code: string;
  course_title: LocalizedText;
  cycle: number;
  course_version_id: string | null;
  rule_id: string | null;
  order_id: string | null;
  status: Exclude<EnrollmentStatus, 'overdue'>;
  effective_status: EnrollmentStatus;
  progress: EnrollmentProgress;
  assigned_at: Date;
  due_at: Date | null;
  started_at: Date | null;
  completed_at: Date | null;
  expires_at: Date | null;
  closed_reason: string | null;
  closed_by: string | null;
  closed_at: Date | null;
  reason: EnrollmentReason | null;
  reason_detail: string | null;
}

/** Enrolment with officer, unit (for scope) and course; `effective_status` says overdue when it is. */
export const ENROLLMENT_SELECT = `
  SELECT e.*, ${EFFECTIVE_STATUS} AS effective_status, o.full_name AS officer_name, o.personnel_number,
         o.unit_id, u.path AS unit_path, c.code AS course_code, c.title AS course_title
  FROM enrollment e JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id JOIN course c ON c.id = e.course_id`;

export function mapEnrollment(row: EnrollmentRow): EnrollmentView {
  return {
    id: row.id,
    officerId: row.officer_id,
    officerName: row.officer_name,
    personnelNumber: row.personnel_number,
    unitId: row.unit_id,
    courseId: row.course_id,
    courseCode: row.course_code,
    courseTitle: row.course_title,
    cycle: row.cycle,
    courseVersionId: row.course_version_id,
    ruleId: row.rule_id,
    orderId: row.order_id,
    status: row.effective_status,
    progress: {
      lessonsRead: row.progress.lessonsRead ?? false,
      quizPassed: row.progress.quizPassed ?? false,
      practicalPassed: row.progress.practicalPassed ?? false,
      seminarAttended: row.progress.seminarAttended ?? false,
      readLessonIds: row.progress.readLessonIds ?? [],
      seminarHours: row.progress.seminarHours ?? 0,
    },
    assignedAt: row.assigned_at,
    dueAt: row.due_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    expiresAt: row.expires_at,
    closedReason: row.closed_reason,
    closedBy: row.closed_by,
    closedAt: row.closed_at,
    reason: row.reason,
    reasonDetail: row.reason_detail,
  };
}
