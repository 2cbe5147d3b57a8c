import { Injectable } from '@nestjs/common';
import { DrillService } from '@lms/catalogue';
import { AuditService, NotFound, Page, RequestContext, Role, subtreeCondition, TransactionHost } from '@lms/core';
import { UnitService } from '@lms/personnel';
import {
  CreateDrillAssignmentDto,
  DrillAssignmentQuery,
  DrillAssignmentView,
  DrillSessionQuery,
  DrillSessionView,
  RecordDrillSessionDto,
} from '../dto/drill-training.dto';
import { DrillNotRecordable } from '../seminars.errors';

/** Who assigns drill plans to units: HR of the unit (admins). */
const PLANNERS: Role[] = ['hr'];
/**
 * Who records a drill: the unit head, who holds the trainer role for their
 * unit (without qualifications they run drills, not the programme's
 * seminars), and HR of the unit (admins).
 */
const LEADERS: Role[] = ['trainer', 'hr'];

const DRILL_REF = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'revision', ${alias}.revision, 'title', ${alias}.title)`;

/** The plan week (1-based) a local date falls in for an assignment `a` of a plan `p`; null outside the plan. */
const WEEK_OF = (
  date: string,
) => `CASE WHEN ${date} >= a.starts_on AND ${date} < a.starts_on + 7 * jsonb_array_length(p.weeks)
  THEN (${date} - a.starts_on) / 7 + 1 END`;

const ASSIGNMENT_SELECT = `
  SELECT a.id, a.plan_id AS "planId", p.code AS "planCode", a.unit_id AS "unitId", u.code AS "unitCode",
         to_char(a.starts_on, 'YYYY-MM-DD') AS "startsOn",
         to_char(a.starts_on + 7 * jsonb_array_length(p.weeks) - 1, 'YYYY-MM-DD') AS "endsOn",
         wk.week AS "currentWeek",
         (SELECT ${DRILL_REF('d')} FROM jsonb_array_elements(p.weeks) w
          JOIN drill d ON d.code = w ->> 'drillCode' AND d.retired_at IS NULL
          WHERE (w ->> 'week')::int = wk.week) AS "currentDrill",
         a.created_at AS "createdAt"
  FROM drill_assignment a JOIN drill_plan p ON p.id = a.plan_id JOIN unit u ON u.id = a.unit_id
  CROSS JOIN LATERAL (SELECT ${WEEK_OF(`(now() AT TIME ZONE u.timezone)::date`)} AS week) wk`;

const SESSION_SELECT = `
  SELECT s.id, s.unit_id AS "unitId", u.code AS "unitCode", ${DRILL_REF('d')} AS drill,
         s.assignment_id AS "assignmentId",
         (SELECT ${WEEK_OF(`(s.held_at AT TIME ZONE u.timezone)::date`)}
          FROM drill_assignment a JOIN drill_plan p ON p.id = a.plan_id WHERE a.id = s.assignment_id) AS week,
         s.held_at AS "heldAt", s.led_by AS "ledBy", ua.username AS "leaderName",
         (SELECT count(*)::int FROM drill_participant x WHERE x.session_id = s.id) AS "participantCount",
         (SELECT coalesce(json_agg(json_build_object('officerId', o.id, 'fullName', o.full_name,
                   'personnelNumber', o.personnel_number) ORDER BY o.full_name), '[]')
          FROM drill_participant x JOIN officer o ON o.id = x.officer_id WHERE x.session_id = s.id) AS participants
  FROM drill_session s JOIN unit u ON u.id = s.unit_id JOIN drill d ON d.id = s.drill_id
  JOIN user_account ua ON ua.id = s.led_by`;

/**
 * The weekly service training of territorial units: drill plans assigned to
 * units from a given week, and the drills unit heads run with their shifts,
 * with who took part. Owns `drill_assignment`, `drill_session` and `drill_participant`.
 */
@Injectable()
export class DrillTrainingService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitService,
    private readonly drills: DrillService,
    private readonly audit: AuditService,
  ) {}

  async assign(ctx: RequestContext, dto: CreateDrillAssignmentDto): Promise<DrillAssignmentView> {
    return this.tx.withTransaction(async () => {
      const unit = await this.units.findInScope(ctx, dto.unitId, PLANNERS);
      await this.drills.planWeeks(dto.planId);
      const [{ monday }] = await this.tx.query<{ monday: boolean }>(
        'SELECT extract(isodow FROM $1::date) = 1 AS monday',
        [dto.startsOn],
      );
      if (!monday) throw new DrillNotRecordable([{ field: 'startsOn', message: 'must be a Monday' }]);
      const [{ id }] = await this.tx.query<{ id: string }>(
        'INSERT INTO drill_assignment (plan_id, unit_id, starts_on, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
        [dto.planId, unit.id, dto.startsOn, ctx.userId],
      );
      const view = await this.getAssignment(id);
      await this.audit.record(ctx, {
        action: 'drill-assignment.create',
        entityType: 'drill_assignment',
        entityId: id,
        unitPath: unit.path,
        after: view,
      });
      return view;
    });
  }

  /** Assignments in the caller's subtrees; with `unitId`, those that apply to it (on it or on a unit above it). */
  async listAssignments(ctx: RequestContext, query: DrillAssignmentQuery): Promise<Page<DrillAssignmentView>> {
    const params: unknown[] = [];
    const where = ['a.retired_at IS NULL'];
    if (query.unitId) {
      const unit = await this.units.findInScope(ctx, query.unitId, LEADERS);
      params.push(unit.path);
      where.push(`$${params.length} LIKE u.path || '%'`);
    } else {
      where.push(subtreeCondition('u.path', ctx.subtrees(...LEADERS), params));
    }
    const { rows, total } = await this.tx.page<DrillAssignmentView>({
      from: 'drill_assignment a JOIN unit u ON u.id = a.unit_id',
      select: ASSIGNMENT_SELECT,
      where: where.join(' AND '),
      orderBy: 'a.starts_on DESC, u.code, a.id',
      params,
      page: query,
    });
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }

  /** Ends an assignment: no more weeks planned from it; drills recorded under it stay. */
  async retireAssignment(ctx: RequestContext, id: string): Promise<void> {
    await this.tx.withTransaction(async () => {
      const [row] = await this.tx.query<{ unit_id: string }>(
        'SELECT unit_id FROM drill_assignment WHERE id = $1 AND retired_at IS NULL',
        [id],
      );
      if (!row) throw new NotFound('Drill assignment', id);
      const unit = await this.units.findInScope(ctx, row.unit_id, PLANNERS).catch(() => {
        throw new NotFound('Drill assignment', id);
      });
      await this.tx.query('UPDATE drill_assignment SET retired_at = now() WHERE id = $1', [id]);
      await this.audit.record(ctx, {
        action: 'drill-assignment.retire',
        entityType: 'drill_assignment',
        entityId: id,
        unitPath: unit.path,
      });
    });
  }

  /**
   * Records a drill the unit head ran: the officers who took part must be
   * active and serve in the unit's subtree (422 naming each that does not).
   * The session counts towards the plan assigned to the unit (or a unit above
   * it) whose weeks include the day it was held.
   */
  async record(ctx: RequestContext, dto: RecordDrillSessionDto): Promise<DrillSessionView> {
    return this.tx.withTransaction(async () => {
      const unit = await this.units.findInScope(ctx, dto.unitId, LEADERS);
      if (!(await this.drills.exists(dto.drillId))) throw new NotFound('Drill', dto.drillId);
      const problems: { field: string; message: string }[] = [];
      const [{ future }] = await this.tx.query<{ future: boolean }>('SELECT $1::timestamptz > now() AS future', [
        dto.heldAt,
      ]);
      if (future) problems.push({ field: 'heldAt', message: 'must not be in the future' });
      const outside = await this.tx.query<{ id: string }>(
        `SELECT x.id FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n)
         WHERE NOT EXISTS (SELECT 1 FROM officer o JOIN unit u ON u.id = o.unit_id
                           WHERE o.id = x.id AND o.status = 'active' AND u.path LIKE $2 || '%')
         ORDER BY x.n`,
        [dto.officerIds, unit.path],
      );
      for (const { id } of outside)
        problems.push({
          field: `officerIds[${dto.officerIds.indexOf(id)}]`,
          message: `${id} is not an active officer of the unit`,
        });
      if (problems.length > 0) throw new DrillNotRecordable(problems);
      const [{ id }] = await this.tx.query<{ id: string }>(
        `INSERT INTO drill_session (unit_id, drill_id, assignment_id, held_at, led_by)
         SELECT $1, $2,
                (SELECT a.id FROM drill_assignment a JOIN drill_plan p ON p.id = a.plan_id JOIN unit au ON au.id = a.unit_id
                 WHERE a.retired_at IS NULL AND $5 LIKE au.path || '%'
                   AND ${WEEK_OF(`($3::timestamptz AT TIME ZONE $6)::date`)} IS NOT NULL
                 ORDER BY length(au.path) DESC, a.starts_on DESC LIMIT 1),
                $3, $4
         RETURNING id`,
        [unit.id, dto.drillId, dto.heldAt, ctx.userId, unit.path, unit.timezone],
      );
      await this.tx.query('INSERT INTO drill_participant (session_id, officer_id) SELECT $1, unnest($2::uuid[])', [
        id,
        dto.officerIds,
      ]);
      const view = await this.getSession(id);
      await this.audit.record(ctx, {
        action: 'drill-session.record',
        entityType: 'drill_session',
        entityId: id,
        unitPath: unit.path,
        after: { ...view, participants: dto.officerIds },
      });
      return view;
    });
  }

  async listSessions(ctx: RequestContext, query: DrillSessionQuery): Promise<Page<DrillSessionView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.unitId) {
      const unit = await this.units.findInScope(ctx, query.unitId, LEADERS);
      params.push(unit.path + '%');
      where.push(`u.path LIKE $${params.length}`);
    } else {
      where.push(subtreeCondition('u.path', ctx.subtrees(...LEADERS), params));
    }
    if (query.from) {
      params.push(query.from);
      where.push(`s.held_at >= $${params.length}`);
    }
    if (query.to) {
      params.push(query.to);
      where.push(`s.held_at < $${params.length}`);
    }
    const { rows, total } = await this.tx.page<DrillSessionView>({
      from: 'drill_session s JOIN unit u ON u.id = s.unit_id',
      select: SESSION_SELECT,
      where: where.join(' AND '),
      orderBy: 's.held_at DESC, s.id',
      params,
      page: query,
    });
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }

  async get(ctx: RequestContext, id: string): Promise<DrillSessionView> {
    const params: unknown[] = [id];
    const scope = subtreeCondition('u.path', ctx.subtrees(...LEADERS), params);
    const [row] = await this.tx.query<DrillSessionView>(`${SESSION_SELECT} WHERE s.id = $1 AND ${scope}`, params);
    if (!row) throw new NotFound('Drill session', id);
    return row;
  }

  private async getAssignment(id: string): Promise<DrillAssignmentView> {
    const [row] = await this.tx.query<DrillAssignmentView>(`${ASSIGNMENT_SELECT} WHERE a.id = $1`, [id]);
    return row;
  }

  private async getSession(id: string): Promise<DrillSessionView> {
    const [row] = await this.tx.query<DrillSessionView>(`${SESSION_SELECT} WHERE s.id = $1`, [id]);
    return row;
  }
}
