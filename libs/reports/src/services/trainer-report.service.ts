import { Injectable } from '@nestjs/common';
import { LocalizedText, RequestContext, TransactionHost } from '@lms/core';
import { TrainerReport, TrainerReportQuery } from '../dto/trainer-report.dto';
import { ComplianceService } from './compliance.service';
import { period } from './practice-reports.service';
import { CRITERION_LABELS_SQL, TRAINER_REPORT_SQL } from './trainer-report.sql';

const YEAR_MS = 365 * 86_400_000;
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

interface TrainerSqlRow {
  trainer_user_id: string;
  trainer_username: string;
  trainer_name: string | null;
  course_id: string;
  course_code: string;
  course_title: LocalizedText;
  sessions: number;
  seats: number;
  filled: number;
  attended: number;
  assessments: number;
  passed: number;
  average_score: number | null;
  criteria: { criterionId: string; average: number; count: number }[];
}

interface LabelRow {
  course_id: string;
  criterion_id: string;
  description: LocalizedText | null;
  max_score: number | null;
}

/**
 * Per trainer and course: seminar sessions run, seats filled, attendance, and
 * the practical assessments scored (pass rate, average per rubric criterion).
 * HR (and admins) of a subtree see every trainer's sessions held there and
 * assessments of its officers; a trainer without that scope sees their own.
 */
@Injectable()
export class TrainerReportService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly compliance: ComplianceService,
  ) {}

  async report(ctx: RequestContext, query: TrainerReportQuery): Promise<TrainerReport> {
    const unit = await this.compliance.unitInScope(ctx, query.unitId);
    const { from, to } = period(query, new Date((query.to ? new Date(query.to) : new Date()).getTime() - YEAR_MS));
    const hr = ctx.subtrees('hr');
    const ownOnly = hr !== null && !hr.some((path) => unit.path.startsWith(path));
    const rows = await this.tx.query<TrainerSqlRow>(TRAINER_REPORT_SQL, [
      unit.path + '%',
      from,
      to,
      ownOnly ? ctx.userId : null,
    ]);
    const labels = await this.tx.query<LabelRow>(CRITERION_LABELS_SQL, [[...new Set(rows.map((r) => r.course_id))]]);
    const label = new Map(labels.map((l) => [`${l.course_id}/${l.criterion_id}`, l]));
    return {
      unit: { id: unit.id, code: unit.code, name: unit.name },
      from,
      to,
      timezone: unit.timezone,
      ownOnly,
      rows: rows.map((row) => ({
        trainerUserId: row.trainer_user_id,
        trainerName: row.trainer_name ?? row.trainer_username,
        courseId: row.course_id,
        courseCode: row.course_code,
        courseTitle: row.course_title,
        sessions: row.sessions,
        seats: row.seats,
        seatsFilled: row.filled,
        fillPercent: percent(row.filled, row.seats),
        attended: row.attended,
        attendancePercent: percent(row.attended, row.filled),
        assessments: row.assessments,
        passed: row.passed,
        passPercent: percent(row.passed, row.assessments),
        averageScore: row.average_score,
        criteria: row.criteria.map((c) => {
          const known = label.get(`${row.course_id}/${c.criterionId}`);
          return { ...c, description: known?.description ?? null, maxScore: known?.max_score ?? null };
        }),
      })),
    };
  }
}
