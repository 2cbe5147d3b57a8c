import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditService,
  isUniqueViolation,
  Language,
  likeEscape,
  NotFound,
  Page,
  RequestContext,
  Role,
  subtreeCondition,
  TransactionHost,
} from '@lms/core';
import { CreateUnitDto, ListUnitsQuery, UpdateUnitDto } from '../dto/unit.dto';
import { UnitDetail, UnitTreeNode, UnitView } from '../dto/unit.response';
import { RootUnitForbidden, UnitCodeTaken, UnitCycle } from '../personnel.errors';
import { mapUnit, unitNameIn, UnitRow } from './unit.mapper';

/** Roles that may read the organisation tree within their subtree. */
const READERS: Role[] = ['hr', 'trainer'];

@Injectable()
export class UnitService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
  ) {}

  /** A unit the caller may see with `roles` (admin implied); 404 otherwise, so existence does not leak. */
  async findInScope(ctx: RequestContext, id: string, roles: Role[] = READERS): Promise<UnitRow> {
    const params: unknown[] = [id];
    const scope = subtreeCondition('path', ctx.subtrees(...roles), params);
    const [row] = await this.tx.query<UnitRow>(`SELECT * FROM unit WHERE id = $1 AND ${scope}`, params);
    if (!row) throw new NotFound('Unit', id);
    return row;
  }

  /** The root of the tree (the ministry); null on an installation that has no unit yet. */
  async root(): Promise<{ id: string; path: string } | null> {
    const [root] = await this.tx.query<{ id: string; path: string }>(
      'SELECT id, path FROM unit WHERE parent_id IS NULL ORDER BY created_at LIMIT 1',
    );
    return root ?? null;
  }

  /**
   * The unit a caller's new record (order, session, report) belongs to when
   * none is named: their highest grant of `roles` (admin implied); the root for
   * the system. 404 when the caller holds none.
   */
  async defaultUnit(ctx: RequestContext, roles: Role[]): Promise<string> {
    if (ctx.isSystem) {
      const root = await this.root();
      if (!root) throw new NotFound('Unit');
      return root.id;
    }
    const grants = (ctx.actor?.roles ?? []).filter((grant) => grant.role === 'admin' || roles.includes(grant.role));
    if (grants.length === 0) throw new NotFound('Unit');
    return [...grants].sort((a, b) => a.unitPath.length - b.unitPath.length)[0].unitId;
  }

  async get(ctx: RequestContext, id: string): Promise<UnitDetail> {
    const unit = await this.findInScope(ctx, id);
    const ancestorIds = unit.path.split('/').filter(Boolean).slice(0, -1);
    const ancestors = await this.tx.query<UnitRow>(
      'SELECT * FROM unit WHERE id = ANY($1::uuid[]) ORDER BY length(path)',
      [ancestorIds],
    );
    const children = await this.tx.query<UnitRow>('SELECT * FROM unit WHERE parent_id = $1 ORDER BY name', [id]);
    return { ...mapUnit(unit), ancestors: ancestors.map(mapUnit), children: children.map(mapUnit) };
  }

  /** The unit and all its descendants as a nested tree. */
  async subtree(ctx: RequestContext, id: string): Promise<UnitTreeNode> {
    const unit = await this.findInScope(ctx, id);
    const rows = await this.tx.query<UnitRow>(`SELECT * FROM unit WHERE path LIKE $1 ORDER BY length(path), name`, [
      unit.path + '%',
    ]);
    const nodes = new Map<string, UnitTreeNode>();
    for (const row of rows) nodes.set(row.id, { ...mapUnit(row), children: [] });
    for (const node of nodes.values()) {
      if (node.id !== id && node.parentId) nodes.get(node.parentId)?.children.push(node);
    }
    return nodes.get(id)!;
  }

  async list(ctx: RequestContext, query: ListUnitsQuery): Promise<Page<UnitView>> {
    const params: unknown[] = [];
    const where = [subtreeCondition('u.path', ctx.subtrees(...READERS), params)];
    if (query.parentId) {
      params.push(query.parentId);
      where.push(`u.parent_id = $${params.length}`);
    }
    if (query.rootId) {
      params.push(query.rootId);
      where.push(`u.path LIKE (SELECT path FROM unit WHERE id = $${params.length}) || '%'`);
    }
    if (query.q) {
      params.push('%' + likeEscape(query.q) + '%');
      where.push(
        `(u.name ILIKE $${params.length} OR u.code ILIKE $${params.length} OR u.names::text ILIKE $${params.length})`,
      );
    }
    const condition = where.join(' AND ');
    const { rows, total } = await this.tx.page<UnitRow>({
      from: `unit u`,
      select: `SELECT u.* FROM unit u`,
      where: condition,
      orderBy: `length(u.path) - length(replace(u.path, '/', '')), u.name, u.id`,
      params: params,
      page: query,
    });
    return { items: rows.map(mapUnit), total, limit: query.limit, offset: query.offset };
  }

  async create(ctx: RequestContext, dto: CreateUnitDto): Promise<UnitView> {
    return this.tx.withTransaction(async () => {
      const id = randomUUID();
      let path: string;
      if (dto.parentId === null) {
        if (ctx.subtrees() !== null) throw new RootUnitForbidden();
        path = `/${id}/`;
      } else {
        const parent = await this.findInScope(ctx, dto.parentId, []);
        path = `${parent.path}${id}/`;
      }
      const [row] = await this.insert(id, dto, path);
      await this.audit.record(ctx, {
        action: 'unit.create',
        entityType: 'unit',
        entityId: id,
        unitPath: path,
        after: mapUnit(row),
      });
      return mapUnit(row);
    });
  }

  private async insert(id: string, dto: CreateUnitDto, path: string): Promise<UnitRow[]> {
    try {
      return await this.tx.query<UnitRow>(
        `INSERT INTO unit (id, code, name, names, parent_id, path, timezone) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [
          id,
          dto.code,
          dto.name ?? dto.names!.ru,
          JSON.stringify(dto.names ?? {}),
          dto.parentId,
          path,
          dto.timezone ?? 'Asia/Almaty',
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_unit_code') || isUniqueViolation(error, 'UQ_unit_code_ci'))
        throw new UnitCodeTaken(dto.code);
      throw error;
    }
  }

  /** Renames, recodes or moves; a move re-parents the whole subtree in one statement. */
  async update(ctx: RequestContext, id: string, dto: UpdateUnitDto): Promise<UnitView> {
    return this.tx.withTransaction(async () => {
      const before = await this.findInScope(ctx, id, []);
      const [locked] = await this.tx.query<UnitRow>('SELECT * FROM unit WHERE id = $1 FOR UPDATE', [id]);
      if (dto.parentId !== undefined && dto.parentId !== locked.parent_id) await this.move(ctx, locked, dto.parentId);
      try {
        await this.tx.query(
          `UPDATE unit SET code = coalesce($2, code), name = coalesce($3, name), timezone = coalesce($4, timezone),
                  names = coalesce($5::jsonb, names), updated_at = now() WHERE id = $1`,
          [
            id,
            dto.code ?? null,
            // Renamed by language alone: the name of record follows the Russian one, so older clients see the rename.
            dto.name ?? dto.names?.ru ?? null,
            dto.timezone ?? null,
            dto.names ? JSON.stringify(dto.names) : null,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'UQ_unit_code') || isUniqueViolation(error, 'UQ_unit_code_ci'))
          throw new UnitCodeTaken(dto.code!);
        throw error;
      }
      const [after] = await this.tx.query<UnitRow>('SELECT * FROM unit WHERE id = $1', [id]);
      await this.audit.record(ctx, {
        action: dto.parentId !== undefined && dto.parentId !== before.parent_id ? 'unit.move' : 'unit.update',
        entityType: 'unit',
        entityId: id,
        unitPath: after.path,
        before: mapUnit(before),
        after: mapUnit(after),
      });
      return mapUnit(after);
    });
  }

  private async move(ctx: RequestContext, unit: UnitRow, parentId: string): Promise<void> {
    if (unit.parent_id === null) throw new RootUnitForbidden();
    const parent = await this.findInScope(ctx, parentId, []);
    if (parent.path.startsWith(unit.path)) throw new UnitCycle();
    const newPath = `${parent.path}${unit.id}/`;
    await this.tx.query(
      `UPDATE unit SET path = $2 || substr(path, length($1) + 1), updated_at = now() WHERE path LIKE $1 || '%'`,
      [unit.path, newPath],
    );
    await this.tx.query('UPDATE unit SET parent_id = $2 WHERE id = $1', [unit.id, parentId]);
  }

  /** The names of these units in a language (its name there, else the name of record), by id; unknown ids are left out. */
  async namesIn(ids: string[], language: Language): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const rows = await this.tx.query<UnitRow>('SELECT * FROM unit WHERE id = ANY($1::uuid[])', [wanted]);
    return new Map(rows.map((row) => [row.id, unitNameIn(row, language)]));
  }

  /** Map of lower-cased unit code to id and path for every unit (a few thousand at most). */
  async codeIndex(): Promise<Map<string, { id: string; path: string }>> {
    const rows = await this.tx.query<{ id: string; code: string; path: string }>('SELECT id, code, path FROM unit');
    return new Map(rows.map((row) => [row.code.toLowerCase(), { id: row.id, path: row.path }]));
  }
}
