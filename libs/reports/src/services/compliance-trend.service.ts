import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionHost } from '@lms/core';
import { UnitService } from '@lms/personnel';
import { AsOfResolver } from './as-of';
import { completionPercent } from './compliance.model';
import { ComplianceService, ReportUnit } from './compliance.service';
import { REPORT_READERS } from './report-scope';

/** How long a past day's completion, computed live, is kept in this process. */
const PAST_POINT_MS = 60 * 60 * 1000;
const MAX_PAST_POINTS = 5_000;

/** One month of the trend: the counts kept at its end for the regions within a unit, added up. */
export interface TrendPoint {
  period: string;
  inAudience: number;
  completed: number;
  overdue: number;
  completionPercent: number | null;
}

/**
 * The monthly compliance snapshot per region for trend charts: after a month
 * ends (in the root unit's time zone), the compliance report of the root as
 * of that end is kept, one row per region. Idempotent: a month already kept
 * is skipped, and the unique (unit, month) key stops a concurrent second run.
 */
@Injectable()
export class ComplianceTrendService {
  private readonly pastPoints = new Map<string, { value: number | null; until: number }>();

  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitService,
    private readonly compliance: ComplianceService,
    private readonly asOf: AsOfResolver,
  ) {}

  /**
   * The months kept for the regions within a unit (whose scope the caller
   * has checked), oldest first: one statement over the kept rows. A unit
   * inside a region has no rows of its own: its trend is empty.
   */
  async history(unit: Pick<ReportUnit, 'id'>, months: number): Promise<TrendPoint[]> {
    const rows = await this.tx.query<{
      period: string;
      in_audience: string;
      completed: string;
      overdue: string;
      exempted: string;
    }>(
      `SELECT to_char(t.period, 'YYYY-MM') AS period, sum(t.in_audience) AS in_audience, sum(t.completed) AS completed,
              sum(t.overdue) AS overdue, sum(t.exempted) AS exempted
       FROM compliance_trend t
       JOIN unit u ON u.id = t.unit_id
       JOIN unit scope ON scope.id = $1
       WHERE u.path LIKE scope.path || '%'
         AND t.period >= date_trunc('month', now()) - make_interval(months => $2)
       GROUP BY t.period ORDER BY t.period`,
      [unit.id, months],
    );
    return rows.map((row) => ({
      period: row.period,
      inAudience: Number(row.in_audience),
      completed: Number(row.completed),
      overdue: Number(row.overdue),
      completionPercent: completionPercent(Number(row.completed), Number(row.in_audience), Number(row.exempted)),
    }));
  }

  /**
   * A subtree's completion at the end of past days, for trend points the
   * monthly rows do not hold (a district, or months before the job ran): the
   * compliance report as of each day, kept for an hour in this process. A
   * past day's figure changes only when records of that time are corrected,
   * and the dashboard asks for six of them on every visit. The caller's scope
   * is checked on every call, kept or not; the days not kept are computed at once.
   */
  async pastCompletions(ctx: RequestContext, unitId: string, days: string[]): Promise<Map<string, number | null>> {
    const values = new Map<string, number | null>();
    if (days.length === 0) return values;
    const unit = await this.units.findInScope(ctx, unitId, REPORT_READERS);
    const now = Date.now();
    await Promise.all(
      days.map(async (day) => {
        const key = `${unitId}|${day}`;
        const kept = this.pastPoints.get(key);
        if (kept && kept.until > now) return values.set(day, kept.value);
        const asOf = await this.asOf.resolve(day, unit.timezone);
        const value = (await this.compliance.compute({ unit, asOf })).total.completionPercent;
        if (this.pastPoints.size >= MAX_PAST_POINTS) this.pastPoints.delete(this.pastPoints.keys().next().value!);
        this.pastPoints.set(key, { value, until: Date.now() + PAST_POINT_MS });
        values.set(day, value);
      }),
    );
    return values;
  }

  async snapshotLastMonth(asOf: Date): Promise<{ period: string | null; regions: number }> {
    const root = await this.units.root();
    if (!root) return { period: null, regions: 0 };
    const unit = await this.units.findInScope(RequestContext.system(), root.id);
    const [{ period, month_end }] = await this.tx.query<{ period: string; month_end: Date }>(
      `SELECT to_char(date_trunc('month', $1::timestamptz AT TIME ZONE $2) - interval '1 month', 'YYYY-MM-DD') AS period,
              date_trunc('month', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2 AS month_end`,
      [asOf, unit.timezone],
    );
    const [kept] = await this.tx.query('SELECT 1 FROM compliance_trend WHERE period = $1 LIMIT 1', [period]);
    if (kept) return { period, regions: 0 };
    const report = await this.compliance.compute({ unit, asOf: month_end });
    const regions = report.rows.filter((row) => row.scope === 'subtree');
    await this.tx.query(
      `INSERT INTO compliance_trend (unit_id, period, as_of, in_audience, completed, in_progress, not_started, overdue,
                                     exempted, completion_percent)
       SELECT r.unit_id, $1::date, $2, r.in_audience, r.completed, r.in_progress, r.not_started, r.overdue, r.exempted,
              r.completion_percent
       FROM jsonb_to_recordset($3::jsonb) AS r(unit_id uuid, in_audience int, completed int, in_progress int,
            not_started int, overdue int, exempted int, completion_percent numeric)
       ON CONFLICT (unit_id, period) DO NOTHING`,
      [
        period,
        month_end,
        JSON.stringify(
          regions.map((row) => ({
            unit_id: row.unitId,
            in_audience: row.inAudience,
            completed: row.completed,
            in_progress: row.inProgress,
            not_started: row.notStarted,
            overdue: row.overdue,
            exempted: row.exempted,
            completion_percent: row.completionPercent,
          })),
        ),
      ],
    );
    return { period, regions: regions.length };
  }
}
