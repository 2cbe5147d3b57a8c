import { Injectable } from '@nestjs/common';
import {
  AuditService,
  isUniqueViolation,
  LocalizedText,
  NotFound,
  Page,
  PageQuery,
  RequestContext,
  TransactionHost,
} from '@lms/core';
import { ProgrammeView } from '../dto/course.response';
import { CreateProgrammeDto, UpdateProgrammeDto } from '../dto/programme.dto';
import { UserService } from '@lms/identity';
import { NotAProgrammeAuthor, ProgrammeCodeTaken } from '../catalogue.errors';
import { isNationalAdmin, withinGrantersReach } from './authorship';
import { ProgrammeChangeHooks } from './programme-change.hooks';
import type { Text } from './version-content';

interface ProgrammeRow {
  id: string;
  code: string;
  title: LocalizedText;
  description: Text | null;
  owner_user_id: string | null;
  created_at: Date;
  updated_at: Date;
  courses: { id: string; code: string; title: LocalizedText; position: number; publishedVersionId: string | null }[];
}

const PROGRAMME_SELECT = `
  SELECT p.*, coalesce((
    SELECT json_agg(json_build_object('id', c.id, 'code', c.code, 'title', c.title, 'position', pc.position,
             'publishedVersionId', (SELECT v.id FROM course_version v WHERE v.course_id = c.id AND v.status = 'published'
                                    ORDER BY v.number DESC LIMIT 1)) ORDER BY pc.position)
    FROM programme_course pc JOIN course c ON c.id = pc.course_id WHERE pc.programme_id = p.id), '[]') AS courses
  FROM programme p`;

const mapProgramme = (row: ProgrammeRow): ProgrammeView => ({
  id: row.id,
  code: row.code,
  title: row.title,
  description: row.description,
  courses: row.courses,
  ownerUserId: row.owner_user_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Ordered sets of courses, authored like courses: by the owner, trainers
 * granted the programme, and national admins. Owns `programme`,
 * `programme_course` and `programme_grant`.
 */
@Injectable()
export class ProgrammeService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly hooks: ProgrammeChangeHooks,
    private readonly users: UserService,
  ) {}

  async canAuthor(ctx: RequestContext, programme: Pick<ProgrammeRow, 'id' | 'owner_user_id'>): Promise<boolean> {
    if (ctx.isSystem || isNationalAdmin(ctx)) return true;
    if (!ctx.has('trainer') || !ctx.userId) return false;
    if (programme.owner_user_id === ctx.userId) return true;
    const rows = await this.tx.query('SELECT 1 FROM programme_grant WHERE programme_id = $1 AND user_id = $2', [
      programme.id,
      ctx.userId,
    ]);
    return rows.length > 0;
  }

  private async row(id: string): Promise<ProgrammeRow> {
    const [row] = await this.tx.query<ProgrammeRow>(`${PROGRAMME_SELECT} WHERE p.id = $1`, [id]);
    if (!row) throw new NotFound('Programme', id);
    return row;
  }

  async list(_ctx: RequestContext, query: PageQuery): Promise<Page<ProgrammeView>> {
    const { rows, total } = await this.tx.page<ProgrammeRow>({
      from: 'programme p',
      select: PROGRAMME_SELECT,
      where: 'TRUE',
      orderBy: 'p.code',
      params: [],
      page: query,
    });
    return { items: rows.map(mapProgramme), total, limit: query.limit, offset: query.offset };
  }

  async get(_ctx: RequestContext, id: string): Promise<ProgrammeView> {
    return mapProgramme(await this.row(id));
  }

  /** The courses of a programme in order (assignment by programme uses this). */
  async courseIds(id: string): Promise<string[]> {
    const rows = await this.tx.query<{ course_id: string }>(
      'SELECT course_id FROM programme_course WHERE programme_id = $1 ORDER BY position',
      [id],
    );
    return rows.map((row) => row.course_id);
  }

  async create(ctx: RequestContext, dto: CreateProgrammeDto): Promise<ProgrammeView> {
    return this.tx.withTransaction(async () => {
      let id: string;
      try {
        [{ id }] = await this.tx.query<{ id: string }>(
          'INSERT INTO programme (code, title, description, owner_user_id) VALUES ($1, $2, $3, $4) RETURNING id',
          [dto.code, JSON.stringify(dto.title), dto.description ? JSON.stringify(dto.description) : null, ctx.userId],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'UQ_programme_code') || isUniqueViolation(error, 'UQ_programme_code_ci'))
          throw new ProgrammeCodeTaken(dto.code);
        throw error;
      }
      await this.setCourses(id, dto.courseIds);
      const view = await this.get(ctx, id);
      await this.audit.record(ctx, { action: 'programme.create', entityType: 'programme', entityId: id, after: view });
      return view;
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateProgrammeDto): Promise<ProgrammeView> {
    return this.tx.withTransaction(async () => {
      const row = await this.row(id);
      if (!(await this.canAuthor(ctx, row))) throw new NotAProgrammeAuthor();
      const before = mapProgramme(row);
      await this.tx.query(
        'UPDATE programme SET title = coalesce($2, title), description = coalesce($3, description), updated_at = now() WHERE id = $1',
        [id, dto.title ? JSON.stringify(dto.title) : null, dto.description ? JSON.stringify(dto.description) : null],
      );
      if (dto.courseIds) await this.setCourses(id, dto.courseIds);
      const after = await this.get(ctx, id);
      // Rules made for the whole programme follow its course list.
      const courseIds = after.courses.map((c) => c.id);
      if (dto.courseIds && before.courses.map((c) => c.id).join() !== courseIds.join())
        await this.hooks.coursesChanged(id, courseIds);
      await this.audit.record(ctx, {
        action: 'programme.update',
        entityType: 'programme',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Lets another trainer author the programme (its owner or a national admin only). */
  async grant(ctx: RequestContext, id: string, userId: string, granted: boolean): Promise<void> {
    await this.tx.withTransaction(async () => {
      const row = await this.row(id);
      if (!ctx.isSystem && !isNationalAdmin(ctx) && row.owner_user_id !== ctx.userId) throw new NotAProgrammeAuthor();
      // Authorship goes only to a trainer or admin of the granter's own units (revoking is never refused).
      if (granted && !withinGrantersReach(ctx, await this.users.byId(userId))) throw new NotFound('Trainer', userId);
      await this.tx.query(
        granted
          ? 'INSERT INTO programme_grant (programme_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING'
          : 'DELETE FROM programme_grant WHERE programme_id = $1 AND user_id = $2',
        [id, userId],
      );
      await this.audit.record(ctx, {
        action: granted ? 'programme.grant' : 'programme.revoke',
        entityType: 'programme',
        entityId: id,
        after: { userId },
      });
    });
  }

  private async setCourses(id: string, courseIds: string[]): Promise<void> {
    const found = await this.tx.query<{ id: string }>('SELECT id FROM course WHERE id = ANY($1::uuid[])', [courseIds]);
    const missing = courseIds.filter((c) => !found.some((row) => row.id === c));
    if (missing.length > 0) throw new NotFound('Course', missing[0]);
    await this.tx.query('DELETE FROM programme_course WHERE programme_id = $1', [id]);
    await this.tx.query(
      `INSERT INTO programme_course (programme_id, course_id, position) SELECT $1, c, n FROM unnest($2::uuid[]) WITH ORDINALITY AS t(c, n)`,
      [id, courseIds],
    );
  }
}
