import { Injectable } from '@nestjs/common';
import { AuditService, Conflict, NotFound, RequestContext, TransactionHost } from '@lms/core';
import { VersionDiffView, VersionView } from '../dto/course-version.response';
import { VersionContentDto } from '../dto/version-content.dto';
import { CatalogueProblem, DraftExists, IncompleteVersion, InvalidContent, VersionNotDraft } from '../catalogue.errors';
import { CourseRow, mapVersion, VERSION_SELECT, VersionRow } from './course.mapper';
import { CourseService } from './course.service';
import { applyPatch, CompletionRule, completenessProblems, emptyContent, structuralProblems } from './version-content';
import { diffVersions } from './version-diff';

/** Drafts, publishing and reading of course versions. Owns `course_version`. */
@Injectable()
export class CourseVersionService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly courses: CourseService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A version the caller may read: authors any, everyone else published or
   * archived ones only (drafts answer 404).
   */
  async find(ctx: RequestContext, id: string, lock = false): Promise<{ row: VersionRow; canAuthor: boolean }> {
    const [row] = await this.tx.query<VersionRow>(
      `${VERSION_SELECT} WHERE v.id = $1 ${lock ? 'FOR UPDATE OF v' : ''}`,
      [id],
    );
    if (!row) throw new NotFound('Course version', id);
    const canAuthor = await this.courses.canAuthor(ctx, {
      id: row.course_id,
      owner_user_id: await this.ownerOf(row.course_id),
    });
    if (row.status === 'draft' && !canAuthor) throw new NotFound('Course version', id);
    return { row, canAuthor };
  }

  private async ownerOf(courseId: string): Promise<string | null> {
    const [course] = await this.tx.query<{ owner_user_id: string | null }>(
      'SELECT owner_user_id FROM course WHERE id = $1',
      [courseId],
    );
    return course?.owner_user_id ?? null;
  }

  /** Only the course's authors see the quiz's questions and answers; everyone else its metadata. */
  async get(ctx: RequestContext, id: string): Promise<VersionView> {
    const { row, canAuthor } = await this.find(ctx, id);
    return mapVersion(row, canAuthor);
  }

  /**
   * Completion rules for an officer's list of enrolments, in one statement:
   * of the given versions (pinned ones), and of the current published version
   * of the given courses (those not started yet). Only the rule leaves the
   * database, not the versions' content.
   */
  async completionRules(
    versionIds: string[],
    courseIds: string[],
  ): Promise<{ byVersion: Map<string, CompletionRule>; byCourse: Map<string, CompletionRule> }> {
    const rows = await this.tx.query<{ version_id: string | null; course_id: string | null; rule: CompletionRule }>(
      `SELECT v.id::text AS version_id, NULL AS course_id, v.content -> 'completionRule' AS rule
       FROM course_version v WHERE v.id = ANY($1::uuid[])
       UNION ALL
       SELECT NULL, p.course_id::text, p.content -> 'completionRule'
       FROM (SELECT DISTINCT ON (v.course_id) v.course_id, v.content FROM course_version v
             WHERE v.course_id = ANY($2::uuid[]) AND v.status = 'published'
             ORDER BY v.course_id, v.number DESC) p`,
      [versionIds, courseIds],
    );
    const byVersion = new Map<string, CompletionRule>();
    const byCourse = new Map<string, CompletionRule>();
    for (const row of rows) {
      if (!row.rule) continue;
      if (row.version_id) byVersion.set(row.version_id, row.rule);
      else if (row.course_id) byCourse.set(row.course_id, row.rule);
    }
    return { byVersion, byCourse };
  }

  /** May the caller author the version's course (and so see its answers, and not take its quiz)? */
  async canAuthor(ctx: RequestContext, versionId: string): Promise<boolean> {
    const row = await this.byId(versionId);
    return (
      row !== null &&
      this.courses.canAuthor(ctx, { id: row.course_id, owner_user_id: await this.ownerOf(row.course_id) })
    );
  }

  /** The raw row for other domains (enrolments pin versions; quizzes grade against them). */
  async byId(id: string): Promise<VersionRow | null> {
    const [row] = await this.tx.query<VersionRow>(`${VERSION_SELECT} WHERE v.id = $1`, [id]);
    return row ?? null;
  }

  /** A new draft, copied from the latest published version. */
  async createDraft(ctx: RequestContext, courseId: string): Promise<VersionView> {
    return this.tx.withTransaction(async () => {
      const { row: course } = await this.courses.find(ctx, courseId);
      await this.courses.requireAuthor(ctx, course);
      await this.tx.query('SELECT 1 FROM course WHERE id = $1 FOR UPDATE', [courseId]);
      const [draft] = await this.tx.query<{ id: string }>(
        `SELECT id FROM course_version WHERE course_id = $1 AND status = 'draft'`,
        [courseId],
      );
      if (draft) throw new DraftExists(draft.id);
      const [latest] = await this.tx.query<{ content: VersionRow['content'] }>(
        `SELECT content FROM course_version WHERE course_id = $1 AND status = 'published' ORDER BY number DESC LIMIT 1`,
        [courseId],
      );
      const [{ max }] = await this.tx.query<{ max: number | null }>(
        'SELECT max(number) AS max FROM course_version WHERE course_id = $1',
        [courseId],
      );
      const [{ id }] = await this.tx.query<{ id: string }>(
        `INSERT INTO course_version (course_id, number, status, content, created_by) VALUES ($1, $2, 'draft', $3, $4) RETURNING id`,
        [courseId, (max ?? 0) + 1, JSON.stringify(latest?.content ?? emptyContent()), ctx.userId],
      );
      await this.audit.record(ctx, {
        action: 'course-version.draft',
        entityType: 'course_version',
        entityId: id,
        after: { courseId, number: (max ?? 0) + 1 },
      });
      return mapVersion((await this.byId(id))!, true);
    });
  }

  async update(ctx: RequestContext, id: string, patch: VersionContentDto): Promise<VersionView> {
    return this.tx.withTransaction(async () => {
      const { row } = await this.find(ctx, id, true);
      await this.requireAuthor(ctx, row);
      if (row.status !== 'draft') throw new VersionNotDraft(row.status);
      const content = applyPatch(row.content, patch);
      const problems = structuralProblems(content);
      if (problems.length > 0) throw new InvalidContent(problems);
      await this.checkAttachments(row.course_id, content);
      await this.tx.query('UPDATE course_version SET content = $2, updated_at = now() WHERE id = $1', [
        id,
        JSON.stringify(content),
      ]);
      await this.audit.record(ctx, {
        action: 'course-version.update',
        entityType: 'course_version',
        entityId: id,
        before: row.content,
        after: content,
      });
      return mapVersion((await this.byId(id))!, true);
    });
  }

  /** Freezes a complete draft; the previously published version is archived. */
  async publish(ctx: RequestContext, id: string): Promise<VersionView> {
    return this.tx.withTransaction(async () => {
      const { row } = await this.find(ctx, id, true);
      await this.requireAuthor(ctx, row);
      if (row.status !== 'draft') throw new VersionNotDraft(row.status);
      const problems = completenessProblems(row.course_title, row.content);
      if (problems.length > 0) throw new IncompleteVersion(problems);
      await this.tx.query(
        `UPDATE course_version SET status = 'archived', updated_at = now() WHERE course_id = $1 AND status = 'published'`,
        [row.course_id],
      );
      await this.tx.query(
        `UPDATE course_version SET status = 'published', published_at = now(), published_by = $2, updated_at = now() WHERE id = $1`,
        [id, ctx.userId],
      );
      await this.audit.record(ctx, {
        action: 'course-version.publish',
        entityType: 'course_version',
        entityId: id,
        after: { courseId: row.course_id, number: row.number },
      });
      return mapVersion((await this.byId(id))!, true);
    });
  }

  async diff(ctx: RequestContext, id: string, againstId: string): Promise<VersionDiffView> {
    const { row: to } = await this.find(ctx, id);
    await this.requireAuthor(ctx, to);
    const { row: from } = await this.find(ctx, againstId);
    if (from.course_id !== to.course_id)
      throw new Conflict(CatalogueProblem.DifferentCourses, 'Both versions must belong to the same course');
    return { from: from.number, to: to.number, ...diffVersions(from.content, to.content) };
  }

  async requireAuthor(ctx: RequestContext, row: VersionRow): Promise<void> {
    const course: Pick<CourseRow, 'id' | 'owner_user_id'> = {
      id: row.course_id,
      owner_user_id: await this.ownerOf(row.course_id),
    };
    await this.courses.requireAuthor(ctx, course);
  }

  /** Lessons may only link files uploaded to the same course. */
  private async checkAttachments(courseId: string, content: VersionRow['content']): Promise<void> {
    const ids = content.lessons.flatMap((l) =>
      l.attachments.filter((a) => a.kind === 'file').map((a) => a.attachmentId!),
    );
    if (ids.length === 0) return;
    const found = await this.tx.query<{ id: string }>(
      'SELECT id FROM course_attachment WHERE course_id = $1 AND id = ANY($2::uuid[])',
      [courseId, ids],
    );
    const known = new Set(found.map((row) => row.id));
    const missing = ids.filter((a) => !known.has(a));
    if (missing.length > 0) {
      throw new InvalidContent(
        missing.map((a) => ({ field: 'lessons.attachments', message: `no attachment ${a} in this course` })),
      );
    }
  }
}
