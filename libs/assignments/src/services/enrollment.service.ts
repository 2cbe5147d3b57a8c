import { Injectable } from '@nestjs/common';
import {
  AuditService,
  NotFound,
  OwnEnrollment,
  Page,
  RequestContext,
  Role,
  subtreeCondition,
  TransactionHost,
  ValidationFailed,
} from '@lms/core';
import { CourseService, CourseVersionService } from '@lms/catalogue';
import { OfficerService } from '@lms/personnel';
import { ManualAssignmentResult } from '../dto/assignment.response';
import { ListEnrollmentsQuery, ManualAssignmentDto, MeEnrollmentsQuery } from '../dto/enrollment.dto';
import { EnrollmentView } from '../dto/enrollment.response';
import { EnrollmentProgress, EnrollmentReason } from '../entities/enrollment.entity';
import { EnrollmentClosed } from '../assignments.errors';
import { EFFECTIVE_STATUS, INSERT_NEW_ENROLMENTS, INSERT_REFRESHER_ENROLMENTS } from './audience.sql';
import { completionValidityMonths, meetsCompletionRule, RuleValidity } from './completion-rule';
import { checkDuePolicy } from './due-policy';
import { EnrollmentHooks } from './enrollment-hooks';
import { ENROLLMENT_SELECT, EnrollmentRow, mapEnrollment } from './enrollment.mapper';
import { mapMyEnrollment, myEnrollmentsSql, MyEnrollmentRow } from './my-enrollments.sql';
import { ORDER_WRITERS, OrderService } from './order.service';

/** Roles that read enrolments within their subtree (admin implied); officers read their own. */
const READERS: Role[] = ['hr', 'trainer'];

/** Progress flags other domains report (seminars, assessments). */
export type ProgressUpdate = Pick<
  EnrollmentProgress,
  'quizPassed' | 'practicalPassed' | 'seminarAttended' | 'seminarHours'
>;

/**
 * Enrolments and their state machine: assigned → in progress → completed,
 * or exempted, or withdrawn; overdue is derived. Owns `enrollment`.
 */
@Injectable()
export class EnrollmentService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly courses: CourseService,
    private readonly versions: CourseVersionService,
    private readonly officers: OfficerService,
    private readonly orders: OrderService,
    private readonly audit: AuditService,
    private readonly hooks: EnrollmentHooks,
  ) {}

  private scope(ctx: RequestContext, roles: Role[], params: unknown[]): string {
    let scope = subtreeCondition('u.path', ctx.subtrees(...roles), params);
    if (ctx.actor?.officerId) {
      params.push(ctx.actor.officerId);
      scope = `(${scope} OR e.officer_id = $${params.length})`;
    }
    return scope;
  }

  /** An enrolment the caller may see (HR, trainers in subtree; the officer themself); 404 otherwise. */
  async find(ctx: RequestContext, id: string, roles: Role[] = READERS, lock = false): Promise<EnrollmentRow> {
    const params: unknown[] = [id];
    const scope = this.scope(ctx, roles, params);
    const [row] = await this.tx.query<EnrollmentRow>(
      `${ENROLLMENT_SELECT} WHERE e.id = $1 AND ${scope} ${lock ? 'FOR UPDATE OF e' : ''}`,
      params,
    );
    if (!row) throw new NotFound('Enrolment', id);
    return row;
  }

  async get(ctx: RequestContext, id: string): Promise<EnrollmentView> {
    return mapEnrollment(await this.find(ctx, id));
  }

  async list(ctx: RequestContext, query: ListEnrollmentsQuery): Promise<Page<EnrollmentView>> {
    const params: unknown[] = [];
    const where = [this.scope(ctx, READERS, params)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (query.officerId) add('e.officer_id = ?', query.officerId);
    if (query.courseId) add('e.course_id = ?', query.courseId);
    if (query.orderId) add('e.order_id = ?', query.orderId);
    if (query.ruleId) add('e.rule_id = ?', query.ruleId);
    if (query.unitId) add(`u.path LIKE (SELECT path FROM unit WHERE id = ?) || '%'`, query.unitId);
    if (query.status) add(`${EFFECTIVE_STATUS} = ?`, query.status);
    if (query.dueBefore) add('e.due_at < ?', query.dueBefore);
    if (query.dueAfter) add('e.due_at >= ?', query.dueAfter);
    const condition = where.join(' AND ');
    const { rows, total } = await this.tx.page<EnrollmentRow>({
      from: `enrollment e JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id`,
      select: `${ENROLLMENT_SELECT}`,
      where: condition,
      orderBy: `e.due_at NULLS LAST, o.full_name, e.id`,
      params: params,
      page: query,
    });
    return { items: rows.map(mapEnrollment), total, limit: query.limit, offset: query.offset };
  }

  /**
   * Open enrolments in a subtree falling due in [from, to), counted per course
   * (HR's dashboard): one grouped statement, scoped like the list.
   */
  async dueByCourse(
    ctx: RequestContext,
    unitId: string,
    from: Date,
    to: Date,
  ): Promise<{ courseId: string; courseTitle: Record<string, string>; count: number }[]> {
    const params: unknown[] = [];
    const scope = this.scope(ctx, READERS, params);
    params.push(unitId, from, to);
    const n = params.length;
    const rows = await this.tx.query<{ course_id: string; course_title: Record<string, string>; count: number }>(
      // Counted per course first, the titles joined to the few counts rather than to every enrolment.
      `SELECT d.course_id, c.title AS course_title, d.count
       FROM (
         SELECT e.course_id, count(*)::int AS count
         FROM enrollment e JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id
         WHERE ${scope} AND u.path LIKE (SELECT path FROM unit WHERE id = $${n - 2}) || '%'
           AND e.due_at >= $${n - 1} AND e.due_at < $${n} AND ${EFFECTIVE_STATUS} IN ('assigned', 'in_progress')
         GROUP BY e.course_id
       ) d JOIN course c ON c.id = d.course_id
       ORDER BY d.count DESC, d.course_id`,
      params,
    );
    return rows.map((row) => ({ courseId: row.course_id, courseTitle: row.course_title, count: row.count }));
  }

  /** The signed-in officer's own enrolments. */
  async mine(ctx: RequestContext, query: MeEnrollmentsQuery) {
    const officerId = ctx.actor?.officerId;
    if (!officerId) return { items: [], total: 0, limit: query.limit, offset: query.offset };
    const params: unknown[] = query.status ? [officerId, query.status] : [officerId];
    params.push(Math.trunc(query.limit), Math.trunc(query.offset));
    const rows = await this.tx.query<MyEnrollmentRow>(myEnrollmentsSql(query.status !== undefined), params);
    return { items: rows.map(mapMyEnrollment), total: rows[0]?.total ?? 0, limit: query.limit, offset: query.offset };
  }

  /** HR exempts an open enrolment, with the reason; completed or closed ones: 409. */
  async exempt(ctx: RequestContext, id: string, reason: string): Promise<EnrollmentView> {
    return this.tx.withTransaction(async () => {
      const before = await this.find(ctx, id, ORDER_WRITERS, true);
      if (before.officer_id === ctx.actor?.officerId) throw new OwnEnrollment('exempt');
      if (before.status !== 'assigned' && before.status !== 'in_progress')
        throw new EnrollmentClosed(before.status, 'exempted');
      await this.tx.query(
        `UPDATE enrollment SET status = 'exempted', closed_reason = $2, closed_by = $3, closed_at = now(), updated_at = now() WHERE id = $1`,
        [id, reason, ctx.userId],
      );
      const after = mapEnrollment(await this.find(ctx, id, ORDER_WRITERS));
      await this.audit.record(ctx, {
        action: 'enrollment.exempt',
        entityType: 'enrollment',
        entityId: id,
        unitPath: before.unit_path,
        before: mapEnrollment(before),
        after,
      });
      return after;
    });
  }

  /**
   * HR assigns a course to named officers of its subtree; those already
   * covered are skipped. A `refresher` (after a substantiated complaint of
   * category `detail`) is recorded with its reason and is a new cycle despite
   * a valid completion; only an open enrolment of the course covers it.
   */
  async assignManually(
    ctx: RequestContext,
    dto: ManualAssignmentDto,
    refresher?: { detail: string },
  ): Promise<ManualAssignmentResult> {
    checkDuePolicy(dto);
    return this.tx.withTransaction(async () => {
      await this.courses.requirePublished(dto.courseId, 'assigning it');
      if (dto.orderId) await this.orders.find(ctx, dto.orderId);
      const params: unknown[] = [dto.officerIds];
      const scope = subtreeCondition('u.path', ctx.subtrees(...ORDER_WRITERS), params);
      const visible = await this.tx.query<{ id: string }>(
        `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id WHERE o.id = ANY($1::uuid[]) AND ${scope}`,
        params,
      );
      const known = new Set(visible.map((row) => row.id));
      const missing = dto.officerIds.find((id) => !known.has(id));
      if (missing) throw new NotFound('Officer', missing);
      const reason: EnrollmentReason | null = refresher ? 'complaint-refresher' : null;
      const [{ count: enrolled }] = await this.tx.query<{ count: number }>(
        `WITH target AS MATERIALIZED (
           SELECT o.id AS officer_id, $2::uuid AS course_id, NULL::uuid AS rule_id, $3::uuid AS order_id,
                  coalesce((($4::date + 1)::timestamp AT TIME ZONE 'Asia/Almaty'), now() + make_interval(days => $5::int)) AS due_at,
                  $6::uuid AS assigned_by, $7::varchar AS reason, $8::varchar AS reason_detail
           FROM officer o WHERE o.id = ANY($1::uuid[]) AND o.status <> 'dismissed'
         )${refresher ? INSERT_REFRESHER_ENROLMENTS : INSERT_NEW_ENROLMENTS}`,
        [
          dto.officerIds,
          dto.courseId,
          dto.orderId ?? null,
          dto.dueDate ?? null,
          dto.dueInDays ?? null,
          ctx.userId,
          reason,
          refresher?.detail ?? null,
        ],
      );
      await this.audit.record(ctx, {
        action: 'enrollment.assign-manually',
        entityType: 'enrollment',
        after: {
          courseId: dto.courseId,
          officerIds: dto.officerIds,
          orderId: dto.orderId ?? null,
          enrolled,
          ...(dto.reason ? { assignedBecause: dto.reason } : {}),
          ...(refresher ? { reason, reasonDetail: refresher.detail } : {}),
        },
      });
      return { enrolled, skipped: dto.officerIds.length - enrolled };
    });
  }

  /** The open enrolment of an officer for a course, if any (seminar booking needs one). */
  async openFor(officerId: string, courseId: string): Promise<EnrollmentRow | null> {
    const [row] = await this.tx.query<EnrollmentRow>(
      `${ENROLLMENT_SELECT} WHERE e.officer_id = $1 AND e.course_id = $2 AND e.status IN ('assigned', 'in_progress')`,
      [officerId, courseId],
    );
    return row ?? null;
  }

  /** Starts an enrolment: pins the course version current now; what the officer takes is always known. */
  async start(ctx: RequestContext, id: string): Promise<EnrollmentView> {
    return this.tx.withTransaction(async () => {
      const row = await this.find(ctx, id, READERS, true);
      await this.pin(row);
      return mapEnrollment(await this.find(ctx, id));
    });
  }

  /** The route's start: an officer starts their own course; staff do not start one for someone else (404). */
  async startOwn(ctx: RequestContext, id: string): Promise<EnrollmentView> {
    return this.tx.withTransaction(async () => {
      const row = await this.find(ctx, id, READERS);
      if (row.officer_id !== ctx.actor?.officerId) throw new NotFound('Enrolment', id);
      return this.start(ctx, id);
    });
  }

  private async pin(row: EnrollmentRow): Promise<string> {
    if (row.status !== 'assigned' && row.status !== 'in_progress') throw new EnrollmentClosed(row.status, 'worked on');
    if (row.course_version_id) return row.course_version_id;
    const course = await this.courses.requirePublished(row.course_id, 'starting it');
    await this.tx.query(
      `UPDATE enrollment SET course_version_id = $2, status = 'in_progress', started_at = now(), updated_at = now() WHERE id = $1`,
      [row.id, course.publishedVersionId],
    );
    return course.publishedVersionId;
  }

  /** The officer has read a lesson of the pinned version; all read means "lessons read". */
  async markLessonRead(ctx: RequestContext, id: string, lessonId: string): Promise<EnrollmentView> {
    return this.tx.withTransaction(async () => {
      const row = await this.find(ctx, id, [], true);
      if (row.officer_id !== ctx.actor?.officerId && !ctx.isSystem) throw new NotFound('Enrolment', id);
      const versionId = await this.pin(row);
      const version = (await this.versions.byId(versionId))!;
      const lessonIds = version.content.lessons.map((lesson) => lesson.id);
      if (!lessonIds.includes(lessonId)) {
        throw new ValidationFailed('No such lesson in this course version', [
          { field: 'lessonId', message: 'is not a lesson of the pinned version' },
        ]);
      }
      const read = new Set([...(row.progress.readLessonIds ?? []), lessonId]);
      await this.progress(ctx, id, { readLessonIds: [...read], lessonsRead: lessonIds.every((l) => read.has(l)) });
      return mapEnrollment(await this.find(ctx, id, []));
    });
  }

  /**
   * Other domains report progress (quiz passed, practical passed, seminar
   * attended); the enrolment completes when its version's rule is met.
   */
  async recordProgress(ctx: RequestContext, id: string, update: ProgressUpdate): Promise<EnrollmentView> {
    return this.tx.withTransaction(async () => {
      const row = await this.find(RequestContext.system(), id, [], true);
      await this.pin(row);
      await this.progress(ctx, id, update);
      return mapEnrollment(await this.find(RequestContext.system(), id, []));
    });
  }

  private async progress(ctx: RequestContext, id: string, update: Partial<EnrollmentProgress>): Promise<void> {
    const [row] = await this.tx.query<{
      progress: EnrollmentProgress;
      course_version_id: string;
      rule_id: string | null;
      unit_path: string;
    }>(
      `UPDATE enrollment e SET progress = e.progress || $2::jsonb, updated_at = now() FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE e.id = $1 AND o.id = e.officer_id RETURNING e.progress, e.course_version_id, e.rule_id, u.path AS unit_path`,
      [id, JSON.stringify(update)],
    );
    const version = (await this.versions.byId(row.course_version_id))!;
    if (!meetsCompletionRule(version.content.completionRule, row.progress)) return;
    const [rule] = await this.tx.query<RuleValidity>(
      'SELECT validity_months AS "validityMonths", recurrence_months AS "recurrenceMonths" FROM assignment_rule WHERE id = $1',
      [row.rule_id],
    );
    const months = completionValidityMonths(version.content.validityMonths, rule ?? null);
    await this.tx.query(
      `UPDATE enrollment SET status = 'completed', completed_at = now(),
              expires_at = CASE WHEN $2::int IS NULL THEN NULL ELSE now() + make_interval(months => $2::int) END, updated_at = now()
       WHERE id = $1`,
      [id, months],
    );
    await this.audit.record(ctx, {
      action: 'enrollment.complete',
      entityType: 'enrollment',
      entityId: id,
      unitPath: row.unit_path,
      after: { progress: row.progress, expiresInMonths: months },
    });
    await this.hooks.completed(ctx, [id]);
  }
}
