import { Injectable } from '@nestjs/common';
import {
  AuditService,
  isUniqueViolation,
  likeEscape,
  NotFound,
  Page,
  RequestContext,
  Role,
  subtreeCondition,
  TransactionHost,
} from '@lms/core';
import { CreateOfficerDto, ListOfficersQuery, UpdateOfficerDto } from '../dto/officer.dto';
import { OfficerView } from '../dto/officer.response';
import { PersonnelNumberTaken } from '../personnel.errors';
import { OfficerChangeHooks } from './officer-change.hooks';
import { mapOfficer, OFFICER_SELECT, OfficerRow } from './officer.mapper';
import { UnitService } from './unit.service';

/** Roles that read personnel records within their subtree (admin implied). */
const READERS: Role[] = ['hr', 'trainer'];

/** What an anonymised officer is called; their personnel number becomes `ANON-` and 16 hex digits of the id. */
export const ANONYMISED_NAME = 'Анонимизировано / Anonymised';
const ANONYMISED_NUMBER_SQL = `'ANON-' || substr(replace(o.id::text, '-', ''), 1, 16)`;
/** Roles that change personnel records within their subtree (admin implied). */
export const PERSONNEL_WRITERS: Role[] = ['hr'];

@Injectable()
export class OfficerService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitService,
    private readonly audit: AuditService,
    private readonly hooks: OfficerChangeHooks,
  ) {}

  /**
   * The officer if the caller may see it: themself, or within a subtree where
   * they hold one of `roles`. Anything else is 404 so existence does not leak.
   */
  /**
   * Anonymises the personnel records of officers dismissed (last changed)
   * before `cutoff`: name and personnel number replaced, everything that the
   * statistics count by (unit, rank, position, service type, status) kept.
   * Returns the ids anonymised now; an anonymised record is never touched again.
   */
  async anonymiseDismissed(ctx: RequestContext, cutoff: Date): Promise<string[]> {
    return this.tx.withTransaction(async () => {
      const rows = await this.tx.query<{ id: string; unit_path: string }>(
        `UPDATE officer o SET full_name = $2, personnel_number = ${ANONYMISED_NUMBER_SQL}, updated_at = now()
         FROM unit u
         WHERE u.id = o.unit_id AND o.status = 'dismissed' AND o.updated_at < $1
           AND o.personnel_number NOT LIKE 'ANON-%'
         RETURNING o.id, u.path::text AS unit_path`,
        [cutoff, ANONYMISED_NAME],
      );
      await this.audit.recordMany(
        ctx,
        rows.map((row) => ({
          action: 'officer.anonymised',
          entityType: 'officer',
          entityId: row.id,
          unitPath: row.unit_path,
          after: { fullName: ANONYMISED_NAME },
        })),
      );
      return rows.map((row) => row.id);
    });
  }

  async findInScope(ctx: RequestContext, id: string, roles: Role[] = READERS): Promise<OfficerRow> {
    const params: unknown[] = [id];
    let scope = subtreeCondition('u.path', ctx.subtrees(...roles), params);
    if (roles === READERS && ctx.actor?.officerId) {
      params.push(ctx.actor.officerId);
      scope = `(${scope} OR o.id = $${params.length})`;
    }
    const [row] = await this.tx.query<OfficerRow>(`${OFFICER_SELECT} WHERE o.id = $1 AND ${scope}`, params);
    if (!row) throw new NotFound('Officer', id);
    return row;
  }

  async get(ctx: RequestContext, id: string): Promise<OfficerView> {
    return mapOfficer(await this.findInScope(ctx, id));
  }

  async list(ctx: RequestContext, query: ListOfficersQuery): Promise<Page<OfficerView>> {
    const params: unknown[] = [];
    let scope = subtreeCondition('u.path', ctx.subtrees(...READERS), params);
    if (ctx.actor?.officerId) {
      params.push(ctx.actor.officerId);
      scope = `(${scope} OR o.id = $${params.length})`;
    }
    const where = [scope];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (query.unitId) add(`u.path LIKE (SELECT path FROM unit WHERE id = ?) || '%'`, query.unitId);
    if (query.serviceType) add('o.service_type = ?', query.serviceType);
    if (query.status) add('o.status = ?', query.status);
    if (query.rank) add('lower(o.rank) = lower(?)', query.rank);
    if (query.q) add(`(o.full_name ILIKE ? OR o.personnel_number ILIKE ?)`, '%' + likeEscape(query.q) + '%');
    const condition = where.join(' AND ');
    const { rows, total } = await this.tx.page<OfficerRow>({
      from: `officer o JOIN unit u ON u.id = o.unit_id`,
      select: `${OFFICER_SELECT}`,
      where: condition,
      orderBy: `o.full_name, o.personnel_number`,
      params: params,
      page: query,
    });
    return { items: rows.map(mapOfficer), total, limit: query.limit, offset: query.offset };
  }

  /** The ranks written in the personnel list of the caller's subtrees, for a filter's choices. */
  async ranks(ctx: RequestContext): Promise<string[]> {
    const params: unknown[] = [];
    const scope = subtreeCondition('u.path', ctx.subtrees(...READERS), params);
    const rows = await this.tx.query<{ rank: string }>(
      `SELECT DISTINCT o.rank FROM officer o JOIN unit u ON u.id = o.unit_id WHERE ${scope} ORDER BY o.rank LIMIT 200`,
      params,
    );
    return rows.map((row) => row.rank);
  }

  async create(ctx: RequestContext, dto: CreateOfficerDto): Promise<OfficerView> {
    return this.tx.withTransaction(async () => {
      const unit = await this.units.findInScope(ctx, dto.unitId, PERSONNEL_WRITERS);
      let id: string;
      try {
        [{ id }] = await this.tx.query<{ id: string }>(
          `INSERT INTO officer (personnel_number, full_name, rank, position, service_type, unit_id, status, language)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [
            dto.personnelNumber,
            dto.fullName,
            dto.rank,
            dto.position,
            dto.serviceType,
            dto.unitId,
            dto.status ?? 'active',
            dto.language ?? 'ru',
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'UQ_officer_personnel_number'))
          throw new PersonnelNumberTaken(dto.personnelNumber);
        throw error;
      }
      const view = mapOfficer(await this.findInScope(ctx, id, PERSONNEL_WRITERS));
      await this.audit.record(ctx, {
        action: 'officer.create',
        entityType: 'officer',
        entityId: id,
        unitPath: unit.path,
        after: view,
      });
      await this.hooks.changed([id]);
      return view;
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateOfficerDto): Promise<OfficerView> {
    return this.tx.withTransaction(async () => {
      const before = await this.findInScope(ctx, id, PERSONNEL_WRITERS);
      await this.tx.query('SELECT 1 FROM officer WHERE id = $1 FOR UPDATE', [id]);
      if (dto.unitId && dto.unitId !== before.unit_id) await this.units.findInScope(ctx, dto.unitId, PERSONNEL_WRITERS);
      await this.tx.query(
        `UPDATE officer SET full_name = coalesce($2, full_name), rank = coalesce($3, rank), position = coalesce($4, position),
                service_type = coalesce($5, service_type), unit_id = coalesce($6, unit_id), status = coalesce($7, status),
                language = coalesce($8, language), updated_at = now()
         WHERE id = $1`,
        [
          id,
          dto.fullName ?? null,
          dto.rank ?? null,
          dto.position ?? null,
          dto.serviceType ?? null,
          dto.unitId ?? null,
          dto.status ?? null,
          dto.language ?? null,
        ],
      );
      const after = await this.findInScope(ctx, id, PERSONNEL_WRITERS);
      await this.audit.record(ctx, {
        action: after.unit_id !== before.unit_id ? 'officer.transfer' : 'officer.update',
        entityType: 'officer',
        entityId: id,
        unitPath: after.unit_path,
        before: mapOfficer(before),
        after: mapOfficer(after),
      });
      await this.hooks.changed([id]);
      return mapOfficer(after);
    });
  }
}
