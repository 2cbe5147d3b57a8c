import { Injectable } from '@nestjs/common';
import { dueDay, LocalizedText, RequestContext, TransactionHost } from '@lms/core';
import { OfficerService } from '@lms/personnel';

export type RecordStatus = 'assigned' | 'in_progress' | 'completed' | 'overdue' | 'exempted' | 'withdrawn';

export interface RecordEnrollment {
  id: string;
  courseId: string;
  courseCode: string;
  courseTitle: LocalizedText;
  cycle: number;
  status: RecordStatus;
  orderId: string | null;
  orderNumber: string | null;
  assignedAt: Date;
  dueAt: Date | null;
  /** The due day in the officer's unit's time zone (`YYYY-MM-DD`): `dueAt` is the end of that day. */
  dueDate: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  expiresAt: Date | null;
  /** Who exempted the officer, when and why. */
  exemption: { reason: string | null; decidedBy: string | null; decidedAt: Date | null } | null;
  withdrawal: { reason: string | null; at: Date | null } | null;
  /** Seminar hours credited (from attendance), when any were recorded. */
  seminarHours: number | null;
}

export interface OfficerRecord {
  generatedAt: Date;
  officer: {
    id: string;
    personnelNumber: string;
    fullName: string;
    rank: string;
    position: string;
    serviceType: string;
    status: string;
    language: 'kk' | 'ru';
    unit: { id: string; code: string; name: string; timezone: string };
  };
  enrollments: RecordEnrollment[];
  totals: {
    enrollments: number;
    completed: number;
    open: number;
    overdue: number;
    exempted: number;
    seminarHours: number;
  };
}

interface RecordRow {
  id: string;
  course_id: string;
  course_code: string;
  course_title: LocalizedText;
  cycle: number;
  status: RecordStatus;
  order_id: string | null;
  order_number: string | null;
  assigned_at: Date;
  due_at: Date | null;
  started_at: Date | null;
  completed_at: Date | null;
  expires_at: Date | null;
  closed_reason: string | null;
  closed_by_name: string | null;
  closed_at: Date | null;
  seminar_hours: string | null;
}

/** Every cycle of every course, oldest first; overdue as the API says it (open and past due now). */
const RECORD_SQL = `
  SELECT e.id, e.course_id, c.code AS course_code, c.title AS course_title, e.cycle,
         CASE WHEN e.status IN ('assigned', 'in_progress') AND e.due_at <= now() THEN 'overdue' ELSE e.status END AS status,
         e.order_id, m.number AS order_number, e.assigned_at, e.due_at, e.started_at, e.completed_at, e.expires_at,
         e.closed_reason, a.username AS closed_by_name, e.closed_at,
         CASE WHEN jsonb_typeof(e.progress -> 'seminarHours') = 'number' THEN e.progress ->> 'seminarHours' END AS seminar_hours
  FROM enrollment e
  JOIN course c ON c.id = e.course_id
  LEFT JOIN ministry_order m ON m.id = e.order_id
  LEFT JOIN user_account a ON a.id = e.closed_by
  WHERE e.officer_id = $1
  ORDER BY e.assigned_at, c.code, e.cycle`;

/** One officer's training record. The officer reads their own; HR and trainers those of their subtrees; else 404. */
@Injectable()
export class OfficerRecordService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly officers: OfficerService,
  ) {}

  async record(ctx: RequestContext, officerId: string): Promise<OfficerRecord> {
    const officer = await this.officers.findInScope(ctx, officerId);
    const [{ timezone }] = await this.tx.query<{ timezone: string }>('SELECT timezone FROM unit WHERE id = $1', [
      officer.unit_id,
    ]);
    const rows = await this.tx.query<RecordRow>(RECORD_SQL, [officerId]);
    const enrollments = rows.map((row) => mapRecordRow(row, timezone));
    const count = (status: RecordStatus) => enrollments.filter((e) => e.status === status).length;
    return {
      generatedAt: new Date(),
      officer: {
        id: officer.id,
        personnelNumber: officer.personnel_number,
        fullName: officer.full_name,
        rank: officer.rank,
        position: officer.position,
        serviceType: officer.service_type,
        status: officer.status,
        language: officer.language,
        unit: { id: officer.unit_id, code: officer.unit_code, name: officer.unit_name, timezone },
      },
      enrollments,
      totals: {
        enrollments: enrollments.length,
        completed: count('completed'),
        open: count('assigned') + count('in_progress') + count('overdue'),
        overdue: count('overdue'),
        exempted: count('exempted'),
        seminarHours: enrollments.reduce((sum, e) => sum + (e.seminarHours ?? 0), 0),
      },
    };
  }
}

function mapRecordRow(row: RecordRow, timeZone: string): RecordEnrollment {
  return {
    id: row.id,
    courseId: row.course_id,
    courseCode: row.course_code,
    courseTitle: row.course_title,
    cycle: row.cycle,
    status: row.status,
    orderId: row.order_id,
    orderNumber: row.order_number,
    assignedAt: row.assigned_at,
    dueAt: row.due_at,
    dueDate: dueDay(row.due_at, timeZone),
    startedAt: row.started_at,
    completedAt: row.completed_at,
    expiresAt: row.expires_at,
    exemption:
      row.status === 'exempted'
        ? { reason: row.closed_reason, decidedBy: row.closed_by_name, decidedAt: row.closed_at }
        : null,
    withdrawal: row.status === 'withdrawn' ? { reason: row.closed_reason, at: row.closed_at } : null,
    seminarHours: row.seminar_hours === null ? null : Number(row.seminar_hours),
  };
}
