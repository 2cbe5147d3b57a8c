import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionHost, ValidationFailed } from '@lms/core';
import {
  DrillCoverageCounts,
  DrillCoverageReport,
  PracticeReportQuery,
  ScenarioReportQuery,
  ScenarioResultsReport,
} from '../dto/practice-report.dto';
import { ComplianceService, ReportUnit } from './compliance.service';
import { completionPercent } from './compliance.model';
import { DRILL_COVERAGE_SQL, DRILL_WEEKS_SQL, SCENARIO_RESULTS_SQL } from './practice-reports.sql';

const WEEK_MS = 7 * 86_400_000;
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

interface CoverageSqlRow {
  unit_id: string;
  unit_code: string;
  unit_name: string;
  own: boolean;
  officers: number;
  participants: number;
  sessions: number;
  weeks_with_drill: number;
}

interface ScenarioSqlRow {
  code: string;
  scenario_id: string;
  title: ScenarioResultsReport['rows'][number]['title'];
  course_code: string;
  trust_factors: string[];
  assessments: number;
  passed: number;
  average_score: number | null;
  auto_failed: number;
  officers: number;
}

/**
 * The programme's practice in numbers: weekly drill coverage per unit beside
 * course compliance, and role-play results per scenario. Reads drills held,
 * assessments, enrolments, officers and units (one statement each).
 */
@Injectable()
export class PracticeReportsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly compliance: ComplianceService,
  ) {}

  async drillCoverage(ctx: RequestContext, query: PracticeReportQuery): Promise<DrillCoverageReport> {
    const unit = await this.compliance.unitInScope(ctx, query.unitId);
    const { from, to } = period(query);
    const rows = await this.tx.query<CoverageSqlRow>(DRILL_COVERAGE_SQL, [unit.id, from, to]);
    const [{ weeks }] = await this.tx.query<{ weeks: number }>(DRILL_WEEKS_SQL, [unit.path + '%', from, to]);
    const courses = await this.compliance.compute({ unit, asOf: to });
    const courseRow = new Map(courses.rows.map((row) => [`${row.unitId}/${row.scope}`, row]));
    const mapped = rows.map((row) => {
      const scope = row.own ? ('own' as const) : ('subtree' as const);
      const course = courseRow.get(`${row.unit_id}/${scope}`);
      return {
        unitId: row.unit_id,
        unitCode: row.unit_code,
        unitName: row.unit_name,
        scope,
        ...counts(row.officers, row.participants, row.sessions, row.weeks_with_drill),
        courseAudience: course?.inAudience ?? 0,
        courseCompletionPercent: course?.completionPercent ?? null,
      };
    });
    const sum = (key: 'officers' | 'participants' | 'sessions') => mapped.reduce((n, row) => n + row[key], 0);
    return {
      unit: view(unit),
      from,
      to,
      weeksInPeriod: Math.ceil((to.getTime() - from.getTime()) / WEEK_MS),
      rows: mapped,
      total: {
        ...counts(sum('officers'), sum('participants'), sum('sessions'), weeks),
        courseAudience: courses.total.inAudience,
        courseCompletionPercent: completionPercent(
          courses.total.completed,
          courses.total.inAudience,
          courses.total.exempted,
        ),
      },
    };
  }

  async scenarioResults(ctx: RequestContext, query: ScenarioReportQuery): Promise<ScenarioResultsReport> {
    const unit = await this.compliance.unitInScope(ctx, query.unitId);
    const { from, to } = period(query, new Date(0));
    const rows = await this.tx.query<ScenarioSqlRow>(SCENARIO_RESULTS_SQL, [
      unit.path + '%',
      from,
      to,
      query.courseId ?? null,
    ]);
    return {
      unit: view(unit),
      from,
      to,
      courseId: query.courseId ?? null,
      rows: rows.map((row) => ({
        code: row.code,
        scenarioId: row.scenario_id,
        title: row.title,
        courseCode: row.course_code,
        trustFactors: row.trust_factors,
        assessments: row.assessments,
        passed: row.passed,
        passPercent: percent(row.passed, row.assessments),
        averageScore: row.average_score,
        autoFailed: row.auto_failed,
        officers: row.officers,
      })),
    };
  }
}

/** The period asked for: `to` defaults to now, `from` to 13 weeks (a quarter's drill plan) before it. */
export function period(query: PracticeReportQuery, defaultFrom?: Date): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : (defaultFrom ?? new Date(to.getTime() - 13 * WEEK_MS));
  if (from.getTime() >= to.getTime())
    throw new ValidationFailed('The period is empty', [{ field: 'from', message: 'from must be before to' }]);
  return { from, to };
}

function counts(
  officers: number,
  participants: number,
  sessions: number,
  weeksWithDrill: number,
): Omit<DrillCoverageCounts, 'courseAudience' | 'courseCompletionPercent'> {
  return { officers, participants, coveragePercent: percent(participants, officers), sessions, weeksWithDrill };
}

const view = (unit: ReportUnit) => ({ id: unit.id, code: unit.code, name: unit.name });
