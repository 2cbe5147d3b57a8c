import { Injectable } from '@nestjs/common';
import { AuditService, Conflict, NotFound, RequestContext, TransactionHost } from '@lms/core';
import { VersionDiffView, VersionView } from '../dto/course-version.response';
import { VersionContentDto } from '../dto/version-content.dto';
import { CatalogueProblem, DraftExists, IncompleteVersion, InvalidContent, VersionNotDraft } from '../catalogue.errors';
import { CourseRow, mapVersion, VERSION_META_SELECT, VERSION_SELECT, VersionRow } from './course.mapper';
import { PublishedVersions } from './published-versions';
import { CourseService } from './course.service';
import {
  applyPatch,
  CompletionRule,
  completenessProblems,
  emptyContent,
  structuralProblems,
  VersionContent,
} from './version-content';
import { diffVersions } from './version-diff';

/** Drafts, publishing and reading of course versions. Owns `course_version`. */
@Injectable()
export class CourseVersionService {
  private readonly published = new PublishedVersions();

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
    const row = await this.readRow(id, lock);
    if (!row) throw new NotFound('Course version', id);
    const canAuthor = await this.courses.canAuthor(ctx, { id: row.course_id, owner_user_id: row.course_owner_user_id });
    if (row.status === 'draft' && !canAuthor) throw new NotFound('Course version', id);
    return { row, canAuthor };
  }

  /** Only the course's authors see the quiz's questions and answers; everyone else its metadata. */
  async get(ctx: RequestContext, id: string): Promise<VersionView> {
    const { row, canAuthor } = await this.find(ctx, id);
    const kept = canAuthor ? undefined : this.published.content(id);
    return mapVersion(row, canAuthor, kept ? this.published.publicView(id, kept) : undefined);
  }

  /**
   * A version's row with the course's code, title and owner. The content of
   * a version already kept (see `PublishedVersions`) is not read again; a
   * published one read here is kept for the next time.
   */
  private async readRow(id: string, lock = false): Promise<VersionRow | undefined> {
    const kept = this.published.content(id);
    const [row] = await this.tx.query<VersionRow>(
      `${kept ? VERSION_META_SELECT : VERSION_SELECT} WHERE v.id = $1 ${lock ? 'FOR UPDATE OF v' : ''}`,
      [id],
    );
    if (row && kept) row.content = kept;
    else if (row) this.published.keepContent(id, row.status, row.content);
    return row;
  }

  /**
   * Completion rules for an officer's list of enrolments, in one statement:
   * of the given versions (pinned ones), and of the current published version
   * of the given courses (those not started yet). A version's content never
   * changes once published, so its rule is kept in this process after the
   * first read and the statement then only names the versions; a rule not
   * kept is read from the content in the same statement.
   */
  async completionRules(
    versionIds: string[],
    courseIds: string[],
  ): Promise<{ byVersion: Map<string, CompletionRule>; byCourse: Map<string, CompletionRule> }> {
    const byVersion = new Map<string, CompletionRule>();
    const byCourse = new Map<string, CompletionRule>();
    const unknown = versionIds.filter((id) => {
      const kept = this.published.rule(id);
      if (kept) byVersion.set(id, kept);
      return !kept;
    });
    if (unknown.length === 0 && courseIds.length === 0) return { byVersion, byCourse };
    const rows = await this.tx.query<{
      version_id: string;
      course_id: string | null;
      status: string;
      rule: CompletionRule | null;
    }>(
      `SELECT v.id::text AS version_id, NULL AS course_id, v.status, v.content -> 'completionRule' AS rule
       FROM course_version v WHERE v.id = ANY($1::uuid[])
       UNION ALL
       SELECT p.id::text, p.course_id::text, p.status,
              CASE WHEN p.id = ANY($3::uuid[]) THEN NULL ELSE p.content -> 'completionRule' END
       FROM (SELECT DISTINCT ON (v.course_id) v.id, v.course_id, v.status, v.content FROM course_version v
             WHERE v.course_id = ANY($2::uuid[]) AND v.status = 'published'
             ORDER BY v.course_id, v.number DESC) p`,
      [unknown, courseIds, this.published.ruleIds()],
    );
    for (const row of rows) {
      const rule = row.rule ?? this.published.rule(row.version_id);
      if (!rule) continue;
      this.published.keepRule(row.version_id, row.status, rule);
      if (row.course_id) byCourse.set(row.course_id, rule);
      else byVersion.set(row.version_id, rule);
    }
    return { byVersion, byCourse };
  }

  /** May the caller author the version's course (and so see its answers, and not take its quiz)? */
  async canAuthor(ctx: RequestContext, versionId: string): Promise<boolean> {
    // An officer authors nothing: no need to read the version to say so.
    if (!this.courses.mayAuthorAny(ctx)) return false;
    const row = await this.byId(versionId);
    return row !== null && this.courses.canAuthor(ctx, { id: row.course_id, owner_user_id: row.course_owner_user_id });
  }

  /**
   * A version's content, for other domains that grade or print against it
   * (quizzes, rubrics, rosters); null for an unknown version. Content never
   * changes once a version is published, so a published or archived one is
   * kept in this process (frozen: no caller may change it) and read once; a
   * draft is read every time.
   */
  async contentOf(versionId: string): Promise<VersionContent | null> {
    const kept = this.published.content(versionId);
    if (kept) return kept;
    const [row] = await this.tx.query<{ status: string; content: VersionContent }>(
      'SELECT status, content FROM course_version WHERE id = $1',
      [versionId],
    );
    if (!row) return null;
    this.published.keepContent(versionId, row.status, row.content);
    return this.published.content(versionId) ?? row.content;
  }

  /** The raw row for other domains (enrolments pin versions; quizzes grade against them). */
  async byId(id: string): Promise<VersionRow | null> {
    return (await this.readRow(id)) ?? null;
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
      owner_user_id: row.course_owner_user_id,
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
