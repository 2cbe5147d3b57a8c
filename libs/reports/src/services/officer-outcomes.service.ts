import { Injectable } from '@nestjs/common';
import { LocalizedText, Page, pageClause, RequestContext, TransactionHost } from '@lms/core';
import { OrderService } from '@lms/assignments';
import { OfficersBehindQuery } from '../dto/report-query.dto';
import { AsOfResolver } from './as-of';
import { enrolmentFilter } from './compliance.sql';
import { ComplianceService, ComplianceSpec } from './compliance.service';
import {
  officerOutcomesSql,
  OutcomeReason,
  OutcomeState,
  reasonCondition,
  STATE_RANK,
  stateOfRank,
} from './officer-outcomes.sql';

/** One course of an officer in a report: where it stood, and the evidence. */
export interface CourseOutcome {
  courseId: string;
  courseCode: string;
  courseTitle: LocalizedText;
  state: OutcomeState;
  dueAt: string | null;
  completedAt: string | null;
  certificateSerial: string | null;
  exemptionReason: string | null;
  /** `complaint-refresher` for a refresher after a substantiated complaint, with its category; null otherwise. */
  reason: 'complaint-refresher' | null;
  reasonDetail: string | null;
}

/** An officer behind a compliance figure: their state (the highest of their courses') and each course. */
export interface OfficerOutcome {
  officerId: string;
  personnelNumber: string;
  fullName: string;
  rank: string;
  position: string;
  unit: { id: string; code: string; name: string; names?: Partial<LocalizedText> };
  state: OutcomeState;
  courses: CourseOutcome[];
}

interface OutcomeRow {
  officer_id: string;
  rank: number;
  personnel_number: string;
  full_name: string;
  officer_rank: string;
  position: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_names: Partial<LocalizedText> | null;
  total: number;
  courses: (Omit<CourseOutcome, 'state'> & { rank: number })[] | null;
}

const instant = (value: string | null) => (value === null ? null : new Date(value).toISOString());

function mapOutcome(row: OutcomeRow): OfficerOutcome {
  return {
    officerId: row.officer_id,
    personnelNumber: row.personnel_number,
    fullName: row.full_name,
    rank: row.officer_rank,
    position: row.position,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name, names: row.unit_names ?? {} },
    state: stateOfRank(row.rank),
    courses: (row.courses ?? []).map(({ rank, ...course }) => ({
      courseId: course.courseId,
      courseCode: course.courseCode,
      courseTitle: course.courseTitle,
      state: stateOfRank(rank),
      dueAt: instant(course.dueAt),
      completedAt: instant(course.completedAt),
      certificateSerial: course.certificateSerial,
      exemptionReason: course.exemptionReason,
      reason: course.reason ?? null,
      reasonDetail: course.reasonDetail ?? null,
    })),
  };
}

/** Which officers to list: the states wanted, the unit's own staff only, one page or all. */
export interface OutcomeSelection {
  states?: OutcomeState[];
  own?: boolean;
  /** The ordinary assignments (the default) or the refreshers after complaints. */
  reason?: OutcomeReason;
  page?: { limit: number; offset: number };
}

/**
 * The officers behind the compliance figures: the drill-down from a number
 * of the report, and the names an execution report freezes. Counted by the
 * same fold as `ComplianceService`, so a figure and its list always agree.
 */
@Injectable()
export class OfficerOutcomeService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly compliance: ComplianceService,
    private readonly orders: OrderService,
    private readonly asOf: AsOfResolver,
  ) {}

  /** The drill-down, one page: scoped like the compliance report (404 outside the caller's subtrees). */
  async list(ctx: RequestContext, query: OfficersBehindQuery): Promise<Page<OfficerOutcome>> {
    return (await this.drill(ctx, query, { limit: query.limit, offset: query.offset })).page;
  }

  /** The drill-down, every officer (for files), with the unit and moment it is about. */
  async listAll(ctx: RequestContext, query: OfficersBehindQuery) {
    return this.drill(ctx, query, undefined);
  }

  /** The drill-down with the unit and moment it is about: one page when `page` is given, else every officer. */
  async drill(ctx: RequestContext, query: OfficersBehindQuery, page?: { limit: number; offset: number }) {
    const unit = await this.compliance.unitInScope(ctx, query.unitId);
    const order = query.orderId ? await this.orders.get(ctx, query.orderId) : null;
    const asOf = await this.asOf.resolve(query.asOf, unit.timezone);
    const states = query.status ? [query.status] : undefined;
    const { items, total } = await this.select(
      { unit, asOf, courseId: query.courseId, order },
      { states, own: query.scope === 'own', reason: query.reason, page },
    );
    return {
      unit,
      asOf: asOf.toISOString(),
      page: { items, total, limit: page?.limit ?? total, offset: page?.offset ?? 0 },
    };
  }

  /** For a spec whose scope the caller has already checked: one statement. */
  async select(spec: ComplianceSpec, selection: OutcomeSelection): Promise<{ items: OfficerOutcome[]; total: number }> {
    const { course, orderCourses } = await this.compliance.resolveFilters(spec);
    const params: unknown[] = [spec.unit.path, spec.asOf];
    const filter = `${enrolmentFilter(spec, course?.id ?? null, orderCourses, params)} AND ${reasonCondition(selection.reason ?? 'ordinary')}`;
    let stateFilter = 'TRUE';
    if (selection.states) {
      params.push(selection.states.map((state) => STATE_RANK[state]));
      stateFilter = `s.rank = ANY($${params.length}::int[])`;
    }
    const sql = officerOutcomesSql({
      enrolmentFilter: filter,
      stateFilter,
      own: selection.own ?? false,
      page: selection.page ? pageClause(selection.page, params) : '',
    });
    const rows = await this.tx.query<OutcomeRow>(sql, params);
    return { items: rows.map(mapOutcome), total: rows[0]?.total ?? 0 };
  }
}
