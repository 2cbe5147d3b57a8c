import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, isRootPath, NotFound, Page, RequestContext, TransactionHost, ValidationFailed } from '@lms/core';
import { CourseService, ProgrammeService } from '@lms/catalogue';
import { UnitService } from '@lms/personnel';
import { AudienceSize, RuleEnrolment, RuleView } from '../dto/assignment.response';
import { AudienceDto } from '../dto/order.dto';
import { CreateRuleDto, ListRulesQuery } from '../dto/rule.dto';
import { OrderFromAbove, RuleExists } from '../assignments.errors';
import { OFFICER_MATCH, UNIT_MATCH } from './audience.sql';
import { checkDuePolicy } from './due-policy';
import { MaterializerService } from './materializer.service';
import { ORDER_WRITERS, OrderService } from './order.service';

interface RuleRow {
  id: string;
  course_ids: string[];
  programme_id: string | null;
  order_id: string | null;
  unit_ids: string[];
  service_types: string[];
  ranks: string[];
  positions: string[];
  due_date: string | null;
  due_in_days: number | null;
  recurrence_months: number | null;
  validity_months: number | null;
  created_by: string | null;
  created_at: Date;
  retired_at: Date | null;
  enrolled: number;
}

const RULE_SELECT = `SELECT r.*, to_char(r.due_date, 'YYYY-MM-DD') AS due_date,
  (SELECT count(*)::int FROM enrollment e WHERE e.rule_id = r.id) AS enrolled FROM assignment_rule r`;

const mapRule = (row: RuleRow): RuleView => ({
  id: row.id,
  courseIds: row.course_ids,
  courseId: row.course_ids.length === 1 && !row.programme_id ? row.course_ids[0] : null,
  programmeId: row.programme_id,
  orderId: row.order_id,
  audience: { unitIds: row.unit_ids, serviceTypes: row.service_types, ranks: row.ranks, positions: row.positions },
  dueDate: row.due_date,
  dueInDays: row.due_in_days,
  recurrenceMonths: row.recurrence_months,
  validityMonths: row.validity_months,
  createdBy: row.created_by,
  createdAt: row.created_at,
  retiredAt: row.retired_at,
  enrolled: row.enrolled,
});

/** Assignment rules and their materialisation into enrolments. Owns `assignment_rule`. */
@Injectable()
export class RuleService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly courses: CourseService,
    private readonly programmes: ProgrammeService,
    private readonly orders: OrderService,
    private readonly units: UnitService,
    private readonly materializer: MaterializerService,
    private readonly audit: AuditService,
  ) {}

  /** A rule is visible when its audience units lie in the caller's subtrees (or it reaches everyone and the caller sees everything). */
  private visible(ctx: RequestContext, params: unknown[]): string {
    const subtrees = ctx.subtrees(...ORDER_WRITERS, 'trainer');
    if (subtrees === null) return 'TRUE';
    params.push(subtrees.map((p) => p + '%'));
    const n = params.length;
    const global = subtrees.some(isRootPath);
    return `(${global ? 'cardinality(r.unit_ids) = 0 OR ' : ''}(cardinality(r.unit_ids) > 0 AND NOT EXISTS (
      SELECT 1 FROM unit au WHERE au.id = ANY(r.unit_ids) AND NOT (au.path LIKE ANY($${n}::text[])))))`;
  }

  async get(ctx: RequestContext, id: string): Promise<RuleView> {
    const params: unknown[] = [id];
    const [row] = await this.tx.query<RuleRow>(
      `${RULE_SELECT} WHERE r.id = $1 AND ${this.visible(ctx, params)}`,
      params,
    );
    if (!row) throw new NotFound('Assignment rule', id);
    return mapRule(row);
  }

  async list(ctx: RequestContext, query: ListRulesQuery): Promise<Page<RuleView>> {
    const params: unknown[] = [];
    const where = [this.visible(ctx, params)];
    if (query.includeRetired !== 'true') where.push('r.retired_at IS NULL');
    if (query.orderId) {
      params.push(query.orderId);
      where.push(`r.order_id = $${params.length}`);
    }
    if (query.courseId) {
      params.push(query.courseId);
      where.push(`$${params.length} = ANY(r.course_ids)`);
    }
    const condition = where.join(' AND ');
    const { rows, total } = await this.tx.page<RuleRow>({
      from: `assignment_rule r`,
      select: `${RULE_SELECT}`,
      where: condition,
      orderBy: `r.created_at DESC`,
      params: params,
      page: query,
    });
    return { items: rows.map(mapRule), total, limit: query.limit, offset: query.offset };
  }

  /** Per order, its rules in force that the caller sees and what they enrolled: one statement for a page of orders. */
  async tallyByOrder(
    ctx: RequestContext,
    orderIds: string[],
  ): Promise<Map<string, { rules: number; enrolled: number }>> {
    if (orderIds.length === 0) return new Map();
    const params: unknown[] = [orderIds];
    const rows = await this.tx.query<{ order_id: string; rules: number; enrolled: number }>(
      `SELECT r.order_id, count(*)::int AS rules,
              coalesce(sum((SELECT count(*) FROM enrollment e WHERE e.rule_id = r.id)), 0)::int AS enrolled
       FROM assignment_rule r
       WHERE r.order_id = ANY($1::uuid[]) AND r.retired_at IS NULL AND ${this.visible(ctx, params)}
       GROUP BY r.order_id`,
      params,
    );
    return new Map(rows.map((row) => [row.order_id, { rules: row.rules, enrolled: row.enrolled }]));
  }

  /** Creates the rule and enrols every matching active officer at once, in one transaction. */
  async create(ctx: RequestContext, dto: CreateRuleDto): Promise<RuleEnrolment> {
    checkDuePolicy(dto);
    if (!dto.courseId === !dto.programmeId) {
      throw new ValidationFailed('Give a course or a programme', [
        { field: 'courseId', message: 'exactly one of courseId and programmeId is required' },
      ]);
    }
    return this.tx.withTransaction(async () => {
      const courseIds = dto.courseId ? [dto.courseId] : await this.programmeCourses(ctx, dto.programmeId!);
      for (const courseId of courseIds) await this.courses.requirePublished(courseId, 'assigning it');
      if (dto.orderId) await this.orders.find(ctx, dto.orderId);
      const unitIds = await this.audienceUnits(ctx, dto.audience.unitIds ?? []);
      const audience = {
        unitIds: [...unitIds].sort(),
        serviceTypes: [...(dto.audience.serviceTypes ?? [])].sort(),
        ranks: [...(dto.audience.ranks ?? [])].sort(),
        positions: [...(dto.audience.positions ?? [])].sort(),
      };
      const definition = {
        courseIds,
        orderId: dto.orderId ?? null,
        audience,
        dueDate: dto.dueDate ?? null,
        dueInDays: dto.dueInDays ?? null,
        recurrenceMonths: dto.recurrenceMonths ?? null,
        // Only when set, so that rules made before the field keep their fingerprints.
        ...(dto.validityMonths ? { validityMonths: dto.validityMonths } : {}),
      };
      const fingerprint = createHash('sha256').update(JSON.stringify(definition)).digest('hex');
      // Two identical rules at once: the partial unique index lets one in; the other finds it.
      const [inserted] = await this.tx.query<{ id: string }>(
        `INSERT INTO assignment_rule (course_ids, programme_id, order_id, unit_ids, service_types, ranks, positions, due_date,
                                      due_in_days, recurrence_months, fingerprint, created_by, validity_months)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (fingerprint) WHERE retired_at IS NULL DO NOTHING RETURNING id`,
        [
          courseIds,
          dto.programmeId ?? null,
          dto.orderId ?? null,
          audience.unitIds,
          audience.serviceTypes,
          audience.ranks,
          audience.positions,
          dto.dueDate ?? null,
          dto.dueInDays ?? null,
          dto.recurrenceMonths ?? null,
          fingerprint,
          ctx.userId,
          dto.validityMonths ?? null,
        ],
      );
      if (!inserted) {
        const [existing] = await this.tx.query<{ id: string }>(
          'SELECT id FROM assignment_rule WHERE fingerprint = $1 AND retired_at IS NULL',
          [fingerprint],
        );
        throw new RuleExists(existing?.id ?? '');
      }
      const id = inserted.id;
      const enrolled = await this.materializer.materializeRule(ctx, id);
      await this.audit.record(ctx, {
        action: 'assignment-rule.create',
        entityType: 'assignment_rule',
        entityId: id,
        after: { ...definition, enrolled },
      });
      return { id, enrolled };
    });
  }

  /**
   * How many active officers an audience holds now, before a rule is saved:
   * the same match as the rule's (its units within the caller's subtrees).
   */
  async audienceSize(ctx: RequestContext, audience: AudienceDto): Promise<AudienceSize> {
    const unitIds = await this.audienceUnits(ctx, audience.unitIds ?? []);
    const [{ officers }] = await this.tx.query<AudienceSize>(
      `SELECT count(*)::int AS officers
       FROM (SELECT $1::uuid[] AS unit_ids, $2::text[] AS service_types, $3::text[] AS ranks, $4::text[] AS positions) r
       JOIN unit u ON ${UNIT_MATCH} JOIN officer o ON o.unit_id = u.id AND o.status = 'active'
       WHERE ${OFFICER_MATCH}`,
      [unitIds, audience.serviceTypes ?? [], audience.ranks ?? [], audience.positions ?? []],
    );
    return { officers };
  }

  /** Re-runs a rule (idempotent: covered officers are skipped). */
  async rematerialize(ctx: RequestContext, id: string): Promise<RuleEnrolment> {
    await this.get(ctx, id);
    return this.tx.withTransaction(async () => ({ id, enrolled: await this.materializer.materializeRule(ctx, id) }));
  }

  /** Retires a rule: no new enrolments from it; what it enrolled stays as it is. */
  async retire(ctx: RequestContext, id: string): Promise<void> {
    await this.tx.withTransaction(async () => {
      const rule = await this.get(ctx, id);
      await this.audienceUnits(ctx, rule.audience.unitIds);
      // A rule executing an order is retired only by HR of the order's unit or above it: an order from above stands.
      if (rule.orderId) {
        const order = await this.orders.find(ctx, rule.orderId);
        const writers = ctx.subtrees(...ORDER_WRITERS);
        if (writers !== null && !writers.some((path) => order.unit_path.startsWith(path))) {
          throw new OrderFromAbove(rule.orderId);
        }
      }
      await this.tx.query(
        'UPDATE assignment_rule SET retired_at = coalesce(retired_at, now()), retired_by = coalesce(retired_by, $2) WHERE id = $1',
        [id, ctx.userId],
      );
      await this.audit.record(ctx, {
        action: 'assignment-rule.retire',
        entityType: 'assignment_rule',
        entityId: id,
        before: rule,
      });
    });
  }

  /**
   * A programme's course list changed: its active rules take the new list
   * (its published courses; a course still unpublished joins at the next
   * change) and enrol their audience in the courses added. Enrolments in a
   * course the programme dropped stay as they are.
   */
  async followProgramme(ctx: RequestContext, programmeId: string, courseIds: string[]): Promise<void> {
    const published: string[] = [];
    for (const id of courseIds)
      if ((await this.courses.get(RequestContext.system(), id)).publishedVersionId) published.push(id);
    const changed = await this.tx.query<{ id: string; before: string[] }>(
      `UPDATE assignment_rule r SET course_ids = $2
       FROM (SELECT id, course_ids AS before FROM assignment_rule WHERE programme_id = $1 AND retired_at IS NULL FOR UPDATE) old
       WHERE r.id = old.id AND r.course_ids IS DISTINCT FROM $2::uuid[]
       RETURNING r.id, old.before`,
      [programmeId, published],
    );
    for (const rule of changed) {
      const enrolled = await this.materializer.materializeRule(ctx, rule.id);
      await this.audit.record(ctx, {
        action: 'assignment-rule.follow-programme',
        entityType: 'assignment_rule',
        entityId: rule.id,
        before: { courseIds: rule.before },
        after: { courseIds: published, enrolled },
      });
    }
  }

  private async programmeCourses(ctx: RequestContext, programmeId: string): Promise<string[]> {
    await this.programmes.get(ctx, programmeId);
    const ids = await this.programmes.courseIds(programmeId);
    if (ids.length === 0)
      throw new ValidationFailed('The programme has no courses', [{ field: 'programmeId', message: 'has no courses' }]);
    return ids;
  }

  /**
   * The audience units must lie in the caller's subtrees (404 otherwise); an
   * empty list means "everyone the caller manages": their own grant units.
   */
  private async audienceUnits(ctx: RequestContext, unitIds: string[]): Promise<string[]> {
    for (const unitId of unitIds) await this.units.findInScope(ctx, unitId, ORDER_WRITERS);
    if (unitIds.length > 0) return unitIds;
    if (ctx.isNational(...ORDER_WRITERS)) return [];
    return ctx.actor!.roles.filter((g) => g.role === 'admin' || ORDER_WRITERS.includes(g.role)).map((g) => g.unitId);
  }
}
