import { Injectable } from '@nestjs/common';
import { NotFound, Page, RequestContext, TransactionHost } from '@lms/core';
import { DrillPlanView, DrillView } from '../dto/bank.response';
import type { DrillQuery } from '../dto/bank.dto';

const DRILL_COLUMNS = `d.id, d.code, d.revision, d.retired_at IS NULL AS current, d.title, d.duration_minutes AS "durationMinutes",
  d.situation, d.discussion_points AS "discussionPoints", d.right_conduct AS "rightConduct", d.lessons,
  d.created_at AS "createdAt", d.retired_at AS "retiredAt"`;

const PLAN_SELECT = `
  SELECT p.id, p.code, p.programme_id AS "programmeId", p.title, p.description,
         (SELECT coalesce(json_agg(json_build_object('week', (w.value ->> 'week')::int, 'drill', to_jsonb(dr)) ORDER BY w.n), '[]')
          FROM jsonb_array_elements(p.weeks) WITH ORDINALITY AS w(value, n)
          JOIN LATERAL (SELECT ${DRILL_COLUMNS} FROM drill d WHERE d.code = w.value ->> 'drillCode' AND d.retired_at IS NULL) dr ON TRUE
         ) AS weeks
  FROM drill_plan p`;

/** A plan week as scheduling needs it. */
export interface PlanWeek {
  week: number;
  drillId: string;
  drillCode: string;
}

/** The weekly drills and their plans. Reads `drill` and `drill_plan`. */
@Injectable()
export class DrillService {
  constructor(private readonly tx: TransactionHost) {}

  async list(_ctx: RequestContext, query: DrillQuery): Promise<Page<DrillView>> {
    const { rows, total } = await this.tx.page<DrillView>({
      from: 'drill d',
      select: `SELECT ${DRILL_COLUMNS} FROM drill d`,
      where: query.includeRetired ? 'TRUE' : 'd.retired_at IS NULL',
      orderBy: 'd.code, d.revision DESC',
      params: [],
      page: query,
    });
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }

  async get(_ctx: RequestContext, id: string): Promise<DrillView> {
    const [row] = await this.tx.query<DrillView>(`SELECT ${DRILL_COLUMNS} FROM drill d WHERE d.id = $1`, [id]);
    if (!row) throw new NotFound('Drill', id);
    return row;
  }

  /** Whether a drill revision exists (any, retired included: a drill held from an older printout still counts). */
  async exists(id: string): Promise<boolean> {
    return (await this.tx.query('SELECT 1 FROM drill WHERE id = $1', [id])).length > 0;
  }

  async listPlans(_ctx: RequestContext, query: DrillQuery): Promise<Page<DrillPlanView>> {
    const { rows, total } = await this.tx.page<DrillPlanView>({
      from: 'drill_plan p',
      select: PLAN_SELECT,
      where: 'TRUE',
      orderBy: 'p.code',
      params: [],
      page: query,
    });
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }

  async getPlan(_ctx: RequestContext, id: string): Promise<DrillPlanView> {
    const [row] = await this.tx.query<DrillPlanView>(`${PLAN_SELECT} WHERE p.id = $1`, [id]);
    if (!row) throw new NotFound('Drill plan', id);
    return row;
  }

  /** A plan's weeks with their drills' current revisions; 404 for an unknown plan. */
  async planWeeks(planId: string): Promise<PlanWeek[]> {
    const [plan] = await this.tx.query<{ weeks: PlanWeek[] }>(
      `SELECT (SELECT coalesce(json_agg(json_build_object('week', (w.value ->> 'week')::int, 'drillId', d.id, 'drillCode', d.code)
                                        ORDER BY w.n), '[]')
               FROM jsonb_array_elements(p.weeks) WITH ORDINALITY AS w(value, n)
               JOIN drill d ON d.code = w.value ->> 'drillCode' AND d.retired_at IS NULL) AS weeks
       FROM drill_plan p WHERE p.id = $1`,
      [planId],
    );
    if (!plan) throw new NotFound('Drill plan', planId);
    return plan.weeks;
  }
}
