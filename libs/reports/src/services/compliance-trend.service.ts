import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionHost } from '@lms/core';
import { UnitService } from '@lms/personnel';
import { ComplianceService } from './compliance.service';

/**
 * The monthly compliance snapshot per region for trend charts: after a month
 * ends (in the root unit's time zone), the compliance report of the root as
 * of that end is kept, one row per region. Idempotent: a month already kept
 * is skipped, and the unique (unit, month) key stops a concurrent second run.
 */
@Injectable()
export class ComplianceTrendService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitService,
    private readonly compliance: ComplianceService,
  ) {}

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
