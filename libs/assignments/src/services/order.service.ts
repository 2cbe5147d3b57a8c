import { Injectable } from '@nestjs/common';
import {
  AuditService,
  isUniqueViolation,
  likeEscape,
  NotFound,
  Page,
  RequestContext,
  Role,
  TransactionHost,
  ValidationFailed,
} from '@lms/core';
import { OrderView } from '../dto/assignment.response';
import { AudienceDto, CreateOrderDto, ListOrdersQuery, UpdateOrderDto } from '../dto/order.dto';
import { UnitService } from '@lms/personnel';
import { OrderNumberTaken } from '../assignments.errors';

/** Roles that manage orders (admin implied). */
export const ORDER_WRITERS: Role[] = ['hr'];

interface OrderRow {
  id: string;
  number: string;
  date: string;
  title: string;
  issuing_authority: string | null;
  unit_id: string;
  unit_path: string;
  unit_code: string;
  course_ids: string[];
  programme_id: string | null;
  audience: AudienceDto | null;
  deadline: string | null;
  periodicity_months: number | null;
  created_at: Date;
  updated_at: Date;
}

const ORDER_SELECT = `SELECT m.*, to_char(m.date, 'YYYY-MM-DD') AS date, to_char(m.deadline, 'YYYY-MM-DD') AS deadline,
  u.path AS unit_path, u.code AS unit_code FROM ministry_order m JOIN unit u ON u.id = m.unit_id`;

const mapOrder = (row: OrderRow): OrderView => ({
  id: row.id,
  number: row.number,
  date: row.date,
  title: row.title,
  issuingAuthority: row.issuing_authority,
  unitId: row.unit_id,
  unitCode: row.unit_code,
  courseIds: row.course_ids,
  programmeId: row.programme_id,
  audience: row.audience,
  deadline: row.deadline,
  periodicityMonths: row.periodicity_months,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Ministry orders. An order applies to a subtree: HR sees the orders of its
 * subtree and those issued above it (which it executes), and changes only
 * those within its subtree. Owns `ministry_order`.
 */
@Injectable()
export class OrderService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitService,
    private readonly audit: AuditService,
  ) {}

  /** SQL: the order's unit lies in, or above, the caller's subtrees. */
  private visible(ctx: RequestContext, params: unknown[]): string {
    const subtrees = ctx.subtrees('hr', 'trainer');
    if (subtrees === null) return 'TRUE';
    if (subtrees.length === 0) return 'FALSE';
    params.push(subtrees);
    const n = params.length;
    return `EXISTS (SELECT 1 FROM unnest($${n}::text[]) AS s(path) WHERE u.path LIKE s.path || '%' OR s.path LIKE u.path || '%')`;
  }

  async find(ctx: RequestContext, id: string): Promise<OrderRow> {
    const params: unknown[] = [id];
    const [row] = await this.tx.query<OrderRow>(
      `${ORDER_SELECT} WHERE m.id = $1 AND ${this.visible(ctx, params)}`,
      params,
    );
    if (!row) throw new NotFound('Order', id);
    return row;
  }

  async get(ctx: RequestContext, id: string): Promise<OrderView> {
    return mapOrder(await this.find(ctx, id));
  }

  async list(ctx: RequestContext, query: ListOrdersQuery): Promise<Page<OrderView>> {
    const params: unknown[] = [];
    const where = [this.visible(ctx, params)];
    if (query.q) {
      params.push('%' + likeEscape(query.q) + '%');
      where.push(`(m.number ILIKE $${params.length} OR m.title ILIKE $${params.length})`);
    }
    const condition = where.join(' AND ');
    const { rows, total } = await this.tx.page<OrderRow>({
      from: `ministry_order m JOIN unit u ON u.id = m.unit_id`,
      select: `${ORDER_SELECT}`,
      where: condition,
      orderBy: `m.date DESC, m.number`,
      params: params,
      page: query,
    });
    return { items: rows.map(mapOrder), total, limit: query.limit, offset: query.offset };
  }

  async create(ctx: RequestContext, dto: CreateOrderDto): Promise<OrderView> {
    return this.tx.withTransaction(async () => {
      const unitId = dto.unitId ?? (await this.units.defaultUnit(ctx, ORDER_WRITERS));
      const unit = await this.units.findInScope(ctx, unitId, ORDER_WRITERS);
      if (dto.deadline && dto.deadline < dto.date) {
        throw new ValidationFailed('The deadline is before the order date', [
          { field: 'deadline', message: 'must not be before date' },
        ]);
      }
      let id: string;
      try {
        [{ id }] = await this.tx.query<{ id: string }>(
          `INSERT INTO ministry_order (number, date, title, issuing_authority, unit_id, course_ids, programme_id, audience, deadline,
                                       periodicity_months, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [
            dto.number,
            dto.date,
            dto.title,
            dto.issuingAuthority ?? null,
            unitId,
            dto.courseIds ?? [],
            dto.programmeId ?? null,
            dto.audience ? JSON.stringify(dto.audience) : null,
            dto.deadline ?? null,
            dto.periodicityMonths ?? null,
            ctx.userId,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'UQ_ministry_order_number')) throw new OrderNumberTaken(dto.number);
        throw error;
      }
      const view = mapOrder(await this.find(ctx, id));
      await this.audit.record(ctx, {
        action: 'order.create',
        entityType: 'order',
        entityId: id,
        unitPath: unit.path,
        after: view,
      });
      return view;
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateOrderDto): Promise<OrderView> {
    return this.tx.withTransaction(async () => {
      const before = await this.find(ctx, id);
      await this.units.findInScope(ctx, before.unit_id, ORDER_WRITERS); // orders from above are read-only here
      await this.tx.query(
        `UPDATE ministry_order SET title = coalesce($2, title), issuing_authority = coalesce($3, issuing_authority),
           course_ids = coalesce($4, course_ids), programme_id = coalesce($5, programme_id), audience = coalesce($6, audience),
           deadline = coalesce($7, deadline), periodicity_months = coalesce($8, periodicity_months), updated_at = now()
         WHERE id = $1`,
        [
          id,
          dto.title ?? null,
          dto.issuingAuthority ?? null,
          dto.courseIds ?? null,
          dto.programmeId ?? null,
          dto.audience ? JSON.stringify(dto.audience) : null,
          dto.deadline ?? null,
          dto.periodicityMonths ?? null,
        ],
      );
      const after = mapOrder(await this.find(ctx, id));
      await this.audit.record(ctx, {
        action: 'order.update',
        entityType: 'order',
        entityId: id,
        unitPath: before.unit_path,
        before: mapOrder(before),
        after,
      });
      return after;
    });
  }
}
