import { Injectable } from '@nestjs/common';
import {
  AuditService,
  isUniqueViolation,
  likeEscape,
  NotFound,
  Page,
  PageQuery,
  RequestContext,
  TransactionHost,
} from '@lms/core';
import { UserService } from '@lms/identity';
import { VersionHistoryEntry } from '../dto/course-version.response';
import { CreateCourseDto, ListCoursesQuery, UpdateCourseDto } from '../dto/course.dto';
import { CourseView } from '../dto/course.response';
import { VersionStatus } from '../entities/course-version.entity';
import { CourseCodeTaken, CourseNotPublished, NotAnAuthor } from '../catalogue.errors';
import { isNationalAdmin, withinGrantersReach } from './authorship';
import { COURSE_SELECT, CourseRow, mapCourse } from './course.mapper';
import { emptyContent, VersionContent } from './version-content';

/** Courses, who may author them, and their version history. Owns `course` and `course_grant`. */
@Injectable()
export class CourseService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly users: UserService,
  ) {}

  /** Could the caller author any course at all? Admins at the root and trainers; an officer never. */
  mayAuthorAny(ctx: RequestContext): boolean {
    return ctx.isSystem || isNationalAdmin(ctx) || (ctx.has('trainer') && !!ctx.userId);
  }

  /** Admins author everything; trainers what they own or were granted. */
  async canAuthor(ctx: RequestContext, course: Pick<CourseRow, 'id' | 'owner_user_id'>): Promise<boolean> {
    // The ministry's courses are national: an admin of a section is not their author, only one at the root.
    if (ctx.isSystem || isNationalAdmin(ctx)) return true;
    if (!this.mayAuthorAny(ctx)) return false;
    if (course.owner_user_id === ctx.userId) return true;
    const rows = await this.tx.query('SELECT 1 FROM course_grant WHERE course_id = $1 AND user_id = $2', [
      course.id,
      ctx.userId,
    ]);
    return rows.length > 0;
  }

  async requireAuthor(ctx: RequestContext, course: Pick<CourseRow, 'id' | 'owner_user_id'>): Promise<void> {
    if (!(await this.canAuthor(ctx, course))) throw new NotAnAuthor();
  }

  /** A course the caller may see: authors see all of theirs, everyone else only published ones. */
  async find(ctx: RequestContext, id: string): Promise<{ row: CourseRow; canAuthor: boolean }> {
    const [row] = await this.tx.query<CourseRow>(`${COURSE_SELECT} WHERE c.id = $1`, [id]);
    if (!row) throw new NotFound('Course', id);
    const canAuthor = await this.canAuthor(ctx, row);
    if (!canAuthor && !row.published_version_id) throw new NotFound('Course', id);
    return { row, canAuthor };
  }

  async get(ctx: RequestContext, id: string): Promise<CourseView> {
    const { row, canAuthor } = await this.find(ctx, id);
    return mapCourse(row, canAuthor);
  }

  /**
   * A course that others may put to `use` (assigning, scheduling, starting):
   * looked up as the system, since staff may use a course whose draft they
   * cannot see and must hear why it cannot be used. 404 when there is no such
   * course, 409 `course-not-published` without a published version; any
   * other error (the database's included) propagates.
   */
  async requirePublished(id: string, use: string): Promise<CourseView & { publishedVersionId: string }> {
    const course = await this.get(RequestContext.system(), id);
    if (!course.publishedVersionId) throw new CourseNotPublished(id, use);
    return { ...course, publishedVersionId: course.publishedVersionId };
  }

  async list(ctx: RequestContext, query: ListCoursesQuery): Promise<Page<CourseView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    // Authors also see their unpublished courses; others only published ones.
    if (!ctx.isSystem && !isNationalAdmin(ctx)) {
      params.push(ctx.userId);
      where.push(`(EXISTS (SELECT 1 FROM course_version v WHERE v.course_id = c.id AND v.status = 'published')
        OR ($1::uuid IS NOT NULL AND ${ctx.has('trainer') ? 'TRUE' : 'FALSE'}
            AND (c.owner_user_id = $1 OR EXISTS (SELECT 1 FROM course_grant g WHERE g.course_id = c.id AND g.user_id = $1))))`);
    }
    if (query.q) {
      params.push('%' + likeEscape(query.q) + '%');
      where.push(`(c.code ILIKE $${params.length} OR c.title::text ILIKE $${params.length})`);
    }
    const condition = where.length ? where.join(' AND ') : 'TRUE';
    const { rows, total } = await this.tx.page<CourseRow>({
      from: `course c`,
      select: `${COURSE_SELECT}`,
      where: condition,
      orderBy: `c.code`,
      params: params,
      page: query,
    });
    const items = await Promise.all(rows.map(async (row) => mapCourse(row, await this.canAuthor(ctx, row))));
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** A course and its first draft (empty, or the imported content), in one transaction. */
  async create(
    ctx: RequestContext,
    dto: CreateCourseDto,
    content: VersionContent = emptyContent(),
  ): Promise<{ course: CourseView; draftVersionId: string }> {
    return this.tx.withTransaction(async () => {
      let id: string;
      try {
        [{ id }] = await this.tx.query<{ id: string }>(
          `INSERT INTO course (code, title, description, owner_user_id) VALUES ($1, $2, $3, $4) RETURNING id`,
          [dto.code, JSON.stringify(dto.title), dto.description ? JSON.stringify(dto.description) : null, ctx.userId],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'UQ_course_code') || isUniqueViolation(error, 'UQ_course_code_ci')) {
          throw new CourseCodeTaken(dto.code);
        }
        throw error;
      }
      const [{ id: draftVersionId }] = await this.tx.query<{ id: string }>(
        `INSERT INTO course_version (course_id, number, status, content, created_by) VALUES ($1, 1, 'draft', $2, $3) RETURNING id`,
        [id, JSON.stringify(content), ctx.userId],
      );
      await this.audit.record(ctx, {
        action: 'course.create',
        entityType: 'course',
        entityId: id,
        after: { code: dto.code, title: dto.title },
      });
      const [row] = await this.tx.query<CourseRow>(`${COURSE_SELECT} WHERE c.id = $1`, [id]);
      return { course: mapCourse(row, true), draftVersionId };
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateCourseDto): Promise<CourseView> {
    return this.tx.withTransaction(async () => {
      const { row } = await this.find(ctx, id);
      await this.requireAuthor(ctx, row);
      await this.tx.query(
        `UPDATE course SET title = coalesce($2, title), description = coalesce($3, description),
                reminder_days = CASE WHEN $4 THEN $5::int[] ELSE reminder_days END, updated_at = now()
         WHERE id = $1`,
        [
          id,
          dto.title ? JSON.stringify(dto.title) : null,
          dto.description ? JSON.stringify(dto.description) : null,
          dto.reminderDays !== undefined,
          dto.reminderDays ? [...new Set(dto.reminderDays)].sort((a, b) => b - a) : null,
        ],
      );
      const [after] = await this.tx.query<CourseRow>(`${COURSE_SELECT} WHERE c.id = $1`, [id]);
      await this.audit.record(ctx, {
        action: 'course.update',
        entityType: 'course',
        entityId: id,
        before: { title: row.title, description: row.description, reminderDays: row.reminder_days },
        after: { title: after.title, description: after.description, reminderDays: after.reminder_days },
      });
      return mapCourse(after, true);
    });
  }

  /** Lets another trainer author the course (owner or admin only). */
  async grant(ctx: RequestContext, id: string, userId: string, granted: boolean): Promise<void> {
    await this.tx.withTransaction(async () => {
      const { row } = await this.find(ctx, id);
      if (!ctx.has('admin') && row.owner_user_id !== ctx.userId) throw new NotAnAuthor();
      // Authorship goes only to a trainer or admin of the granter's own units (revoking is never refused).
      if (granted && !withinGrantersReach(ctx, await this.users.byId(userId))) throw new NotFound('Trainer', userId);
      await this.tx.query(
        granted
          ? 'INSERT INTO course_grant (course_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING'
          : 'DELETE FROM course_grant WHERE course_id = $1 AND user_id = $2',
        [id, userId],
      );
      await this.audit.record(ctx, {
        action: granted ? 'course.grant' : 'course.revoke',
        entityType: 'course',
        entityId: id,
        after: { userId },
      });
    });
  }

  /** Every version with who made and published it. */
  async history(ctx: RequestContext, id: string, page: PageQuery): Promise<Page<VersionHistoryEntry>> {
    const { canAuthor } = await this.find(ctx, id);
    const { rows, total } = await this.tx.page<{
      id: string;
      number: number;
      status: VersionStatus;
      created_at: Date;
      published_at: Date | null;
      created_by: string | null;
      published_by: string | null;
    }>({
      from: 'course_version',
      select: 'SELECT id, number, status, created_at, published_at, created_by, published_by FROM course_version',
      where: `course_id = $1 ${canAuthor ? '' : `AND status <> 'draft'`}`,
      orderBy: 'number DESC',
      params: [id],
      page,
    });
    const names = await this.users.usernames(rows.flatMap((r) => [r.created_by, r.published_by]));
    const items = rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      createdBy: r.created_by && (names.get(r.created_by) ?? null),
      createdAt: r.created_at,
      publishedBy: r.published_by && (names.get(r.published_by) ?? null),
      publishedAt: r.published_at,
    }));
    return { items, total, limit: page.limit, offset: page.offset };
  }
}
