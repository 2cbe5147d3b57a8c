import { Injectable } from '@nestjs/common';
import { AuditService, FieldProblem, RequestContext, TransactionHost, ValidationFailed } from '@lms/core';
import { CourseService, CourseVersionService, VersionContent } from '@lms/catalogue';
import { EnrollmentProgress } from '../entities/enrollment.entity';
import { completionValidityMonths, meetsCompletionRule, RuleValidity } from './completion-rule';
import { EnrollmentHooks } from './enrollment-hooks';

/** One enrolment as it went, for loading an organisation's past (the demo). */
export interface PastEnrollment {
  officerId: string;
  courseId: string;
  cycle: number;
  ruleId: string | null;
  orderId: string | null;
  assignedAt: Date;
  dueAt: Date | null;
  /** When the officer opened it; pins the course's published version. */
  startedAt: Date | null;
  progress: EnrollmentProgress;
  completedAt?: Date;
  exemption?: { at: Date; reason: string; by: string | null };
}

export interface LoadedEnrollment {
  id: string;
  officerId: string;
  courseId: string;
  cycle: number;
}

/**
 * Writes enrolments as they happened, dated in the past, in one statement
 * per cycle: rows a rule already made are overwritten with their history.
 * The rules of the live path still hold: a completion must meet the pinned
 * version's completion rule, its validity is computed the same way, and its
 * certificate is issued through EnrollmentHooks in this transaction.
 */
@Injectable()
export class EnrollmentHistoryService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly courses: CourseService,
    private readonly versions: CourseVersionService,
    private readonly audit: AuditService,
    private readonly hooks: EnrollmentHooks,
  ) {}

  async load(ctx: RequestContext, entries: PastEnrollment[]): Promise<LoadedEnrollment[]> {
    return this.tx.withTransaction(async () => {
      const versions = await this.publishedVersions([...new Set(entries.map((e) => e.courseId))]);
      const rules = await this.ruleValidity([...new Set(entries.flatMap((e) => (e.ruleId ? [e.ruleId] : [])))]);
      const problems = entries.flatMap((entry, index) =>
        pastProblems(entry, index, versions.get(entry.courseId)!.content),
      );
      if (problems.length > 0) throw new ValidationFailed('The history is not consistent', problems);

      const rows = entries.map((e) => {
        const version = versions.get(e.courseId)!;
        const status = e.completedAt
          ? 'completed'
          : e.exemption
            ? 'exempted'
            : e.startedAt
              ? 'in_progress'
              : 'assigned';
        const months = completionValidityMonths(version.content.validityMonths, e.ruleId ? rules.get(e.ruleId)! : null);
        return {
          officer_id: e.officerId,
          course_id: e.courseId,
          cycle: e.cycle,
          rule_id: e.ruleId,
          order_id: e.orderId,
          status,
          course_version_id: e.startedAt ? version.id : null,
          progress: e.progress,
          assigned_at: e.assignedAt,
          due_at: e.dueAt,
          started_at: e.startedAt,
          completed_at: e.completedAt ?? null,
          validity_months: e.completedAt ? months : null,
          closed_reason: e.exemption?.reason ?? null,
          closed_by: e.exemption?.by ?? null,
          closed_at: e.exemption?.at ?? null,
        };
      });
      const loaded: LoadedEnrollment[] = [];
      // Cycle by cycle, so that an earlier cycle is closed before the next one opens (one open enrolment per course).
      for (const cycle of [...new Set(rows.map((r) => r.cycle))].sort((a, b) => a - b)) {
        loaded.push(...(await this.upsert(rows.filter((r) => r.cycle === cycle))));
      }
      const key = (r: { officerId: string; courseId: string; cycle: number }) =>
        `${r.officerId}/${r.courseId}/${r.cycle}`;
      const completed = new Set(entries.filter((e) => e.completedAt).map(key));
      await this.hooks.completed(
        ctx,
        loaded.filter((row) => completed.has(key(row))).map((row) => row.id),
      );
      await this.tx.query(
        `UPDATE assignment_rule r SET created_at = first.assigned_at
         FROM (SELECT rule_id, min(assigned_at) AS assigned_at FROM enrollment WHERE rule_id = ANY($1::uuid[]) GROUP BY rule_id) first
         WHERE r.id = first.rule_id AND first.assigned_at < r.created_at`,
        [[...rules.keys()]],
      );
      await this.audit.record(ctx, {
        action: 'enrollment.load-history',
        entityType: 'enrollment',
        after: {
          enrolments: rows.length,
          byStatus: Object.fromEntries(
            ['assigned', 'in_progress', 'completed', 'exempted'].map((s) => [
              s,
              rows.filter((r) => r.status === s).length,
            ]),
          ),
        },
      });
      return loaded;
    });
  }

  private async upsert(rows: object[]): Promise<LoadedEnrollment[]> {
    return this.tx.query<LoadedEnrollment>(
      `INSERT INTO enrollment (officer_id, course_id, cycle, rule_id, order_id, status, course_version_id, progress, assigned_at,
                               due_at, started_at, completed_at, expires_at, closed_reason, closed_by, closed_at, created_at, updated_at)
       SELECT x.officer_id, x.course_id, x.cycle, x.rule_id, x.order_id, x.status, x.course_version_id, x.progress, x.assigned_at,
              x.due_at, x.started_at, x.completed_at, x.completed_at + make_interval(months => x.validity_months),
              x.closed_reason, x.closed_by, x.closed_at, x.assigned_at,
              greatest(x.assigned_at, x.started_at, x.completed_at, x.closed_at)
       FROM jsonb_to_recordset($1::jsonb) AS x(officer_id uuid, course_id uuid, cycle int, rule_id uuid, order_id uuid, status text,
            course_version_id uuid, progress jsonb, assigned_at timestamptz, due_at timestamptz, started_at timestamptz,
            completed_at timestamptz, validity_months int, closed_reason text, closed_by uuid, closed_at timestamptz)
       ON CONFLICT (officer_id, course_id, cycle) DO UPDATE SET
         rule_id = excluded.rule_id, order_id = excluded.order_id, status = excluded.status,
         course_version_id = excluded.course_version_id, progress = excluded.progress, assigned_at = excluded.assigned_at,
         due_at = excluded.due_at, started_at = excluded.started_at, completed_at = excluded.completed_at,
         expires_at = excluded.expires_at, closed_reason = excluded.closed_reason, closed_by = excluded.closed_by,
         closed_at = excluded.closed_at, created_at = excluded.created_at, updated_at = excluded.updated_at
       RETURNING id, officer_id AS "officerId", course_id AS "courseId", cycle`,
      [JSON.stringify(rows)],
    );
  }

  private async publishedVersions(courseIds: string[]): Promise<Map<string, { id: string; content: VersionContent }>> {
    const versions = new Map<string, { id: string; content: VersionContent }>();
    for (const courseId of courseIds) {
      const course = await this.courses.requirePublished(courseId, 'loading its history');
      const version = (await this.versions.byId(course.publishedVersionId))!;
      versions.set(courseId, { id: version.id, content: version.content });
    }
    return versions;
  }

  private async ruleValidity(ruleIds: string[]): Promise<Map<string, RuleValidity>> {
    const rows = await this.tx.query<RuleValidity & { id: string }>(
      `SELECT id, validity_months AS "validityMonths", recurrence_months AS "recurrenceMonths"
       FROM assignment_rule WHERE id = ANY($1::uuid[])`,
      [ruleIds],
    );
    return new Map(rows.map(({ id, ...validity }) => [id, validity]));
  }
}

/** What is wrong with one past enrolment: times out of order or ahead of now, a completion its rule does not allow. */
function pastProblems(entry: PastEnrollment, index: number, content: VersionContent): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const field = (name: string) => `entries[${index}].${name}`;
  const now = Date.now();
  const order: [string, Date | null | undefined][] = [
    ['assignedAt', entry.assignedAt],
    ['startedAt', entry.startedAt],
    ['completedAt', entry.completedAt],
  ];
  let previous = 0;
  for (const [name, at] of order) {
    if (!at) continue;
    if (at.getTime() < previous) problems.push({ field: field(name), message: 'is before the step it follows' });
    if (at.getTime() > now) problems.push({ field: field(name), message: 'is in the future' });
    previous = at.getTime();
  }
  if (entry.exemption && entry.exemption.at.getTime() > now)
    problems.push({ field: field('exemption.at'), message: 'is in the future' });
  if (entry.completedAt && entry.exemption)
    problems.push({ field: field('exemption'), message: 'a completed enrolment is not exempted' });
  if (entry.completedAt && !entry.startedAt)
    problems.push({ field: field('startedAt'), message: 'a completed enrolment was started' });
  if (entry.completedAt && !meetsCompletionRule(content.completionRule, entry.progress))
    problems.push({ field: field('progress'), message: "does not meet the version's completion rule" });
  return problems;
}
