import { LocalizedText } from '@lms/core';

/** The counts of one row; the state columns partition `inAudience`. */
export interface ComplianceCounts {
  /** Distinct officers with an enrolment in scope at asOf, withdrawn ones left out. */
  inAudience: number;
  completed: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  exempted: number;
  /** completed / (inAudience − exempted) × 100, one decimal; null when nobody is left to complete. */
  completionPercent: number | null;
}

export interface ComplianceRow extends ComplianceCounts {
  unitId: string;
  unitCode: string;
  unitName: string;
  /** The unit's name by language where given (reports name units in their language, else `unitName`). */
  unitNames?: Partial<LocalizedText>;
  /** `subtree`: the unit and everything under it; `own`: officers placed directly in the report's unit. */
  scope: 'subtree' | 'own';
  /** The drill-down to this row's officers (under `/api/v1`; add `status=` for one column). */
  officersPath: string;
  /** Refreshers assigned after a substantiated complaint, counted apart: officers by their refreshers' state. */
  refresher: ComplianceCounts;
  /** The drill-down to the officers with a refresher (`reason=complaint-refresher`). */
  refresherOfficersPath: string;
}

export interface ComplianceReport {
  asOf: string;
  unit: { id: string; code: string; name: string; names?: Partial<LocalizedText>; timezone: string };
  filters: {
    courseId: string | null;
    orderId: string | null;
    course: { id: string; code: string; title: LocalizedText } | null;
    /** `courseIds`: the courses it requires (listed, or its programme's). */
    order: {
      id: string;
      number: string;
      date: string;
      title: string;
      deadline: string | null;
      courseIds: string[];
    } | null;
  };
  rows: ComplianceRow[];
  total: ComplianceCounts;
  /** The refreshers after complaints of the whole subtree. */
  refresherTotal: ComplianceCounts;
}

export interface ComplianceSqlRow {
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  unit_names?: Partial<LocalizedText> | null;
  own: boolean | null;
  is_total: boolean;
  in_audience: number;
  completed: number;
  in_progress: number;
  not_started: number;
  overdue: number;
  exempted: number;
  refresher_in_audience: number;
  refresher_completed: number;
  refresher_in_progress: number;
  refresher_not_started: number;
  refresher_overdue: number;
  refresher_exempted: number;
}

/** One decimal, rounded half up on the exact ratio (integers, so no float drift before rounding). */
export function completionPercent(completed: number, inAudience: number, exempted: number): number | null {
  const denominator = inAudience - exempted;
  if (denominator <= 0) return null;
  return Math.round((completed * 1000) / denominator) / 10;
}

export function mapCounts(row: ComplianceSqlRow | undefined, prefix: '' | 'refresher_' = ''): ComplianceCounts {
  const at = (column: string) => (row?.[`${prefix}${column}` as keyof ComplianceSqlRow] as number | undefined) ?? 0;
  const counts = {
    inAudience: at('in_audience'),
    completed: at('completed'),
    inProgress: at('in_progress'),
    notStarted: at('not_started'),
    overdue: at('overdue'),
    exempted: at('exempted'),
  };
  return { ...counts, completionPercent: completionPercent(counts.completed, counts.inAudience, counts.exempted) };
}

/**
 * The report's rows: every child unit, and the unit itself when officers sit
 * directly in it (or it has no children, so the report is never empty).
 */
export function mapRows(
  rows: ComplianceSqlRow[],
  officersPath: (unitId: string, own: boolean) => string,
): { rows: ComplianceRow[]; total: ComplianceCounts; refresherTotal: ComplianceCounts } {
  const units = rows.filter((row) => !row.is_total);
  const hasChildren = units.some((row) => !row.own);
  const total = rows.find((row) => row.is_total);
  return {
    rows: units
      .filter((row) => !row.own || !hasChildren || row.in_audience > 0 || row.refresher_in_audience > 0)
      .map((row) => ({
        unitId: row.unit_id!,
        unitCode: row.unit_code!,
        unitName: row.unit_name!,
        unitNames: row.unit_names ?? {},
        scope: row.own ? ('own' as const) : ('subtree' as const),
        officersPath: officersPath(row.unit_id!, row.own ?? false),
        ...mapCounts(row),
        refresher: mapCounts(row, 'refresher_'),
        refresherOfficersPath: `${officersPath(row.unit_id!, row.own ?? false)}&reason=complaint-refresher`,
      })),
    total: mapCounts(total),
    refresherTotal: mapCounts(total, 'refresher_'),
  };
}
