import { Injectable } from '@nestjs/common';
import { EnrollmentService } from '@lms/assignments';
import { CourseService } from '@lms/catalogue';
import {
  AuditService,
  Conflict,
  FieldProblem,
  NotFound,
  Page,
  RequestContext,
  subtreeCondition,
  TransactionHost,
  ValidationFailed,
} from '@lms/core';
import { UnitService } from '@lms/personnel';
import { CreateRefresherRuleDto, ListComplaintsQuery, RecordComplaintDto } from '../dto/complaint.dto';
import { ComplaintImportResult, ComplaintView, RecordedComplaint, RefresherRuleView } from '../dto/complaint.response';
import { TrustProblem } from '../trust.errors';
import { ComplaintLine, parseComplaintCsv } from './complaint-csv';

/** A complaint as the API shows it, with its unit's code and officer's personnel number. */
const COMPLAINT_SELECT = `SELECT c.id, c.number, to_char(c.received_on, 'YYYY-MM-DD') AS "receivedOn", c.unit_id AS "unitId",
         u.code AS "unitCode", c.officer_id AS "officerId", o.personnel_number AS "personnelNumber",
         c.category, c.outcome
  FROM complaint c JOIN unit u ON u.id = c.unit_id LEFT JOIN officer o ON o.id = c.officer_id`;

/** More lines than a register export holds in a year for a region, many times over. */
export const MAX_COMPLAINT_LINES = 50_000;

/**
 * The complaints register, imported all or nothing from HR's CSV, and the
 * refresher rules a substantiated complaint triggers. Owns `complaint`,
 * `refresher_rule` and `complaint_refresher`.
 */
@Injectable()
export class ComplaintService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitService,
    private readonly courses: CourseService,
    private readonly enrollments: EnrollmentService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Imports the register: every line checked (units and officers within the
   * caller's subtrees), any error 422 with every line's errors and nothing
   * written. Lines with a known register number replace it. Substantiated
   * complaints then run the refresher rules, once per complaint and rule.
   */
  async import(ctx: RequestContext, text: string): Promise<ComplaintImportResult> {
    const { lines, errors } = parseComplaintCsv(text);
    if (lines.length > MAX_COMPLAINT_LINES) {
      errors.push({ line: MAX_COMPLAINT_LINES + 2, field: 'file', message: `at most ${MAX_COMPLAINT_LINES} lines` });
    }
    return this.tx.withTransaction(async () => {
      const { written, refreshersAssigned } = await this.write(ctx, lines, errors, (problems) =>
        this.invalid(problems),
      );
      const created = written.filter((row) => row.created).length;
      await this.audit.record(ctx, {
        action: 'complaint.import',
        entityType: 'complaint',
        after: { lines: lines.length, created, updated: written.length - created, refreshersAssigned },
      });
      return { created, updated: written.length - created, refreshersAssigned, errors: [] };
    });
  }

  /**
   * Records one complaint, checked and scoped like a line of the register
   * (a known number replaces it), and runs the refresher rules: all or
   * nothing, 422 `complaint-invalid` naming the field.
   */
  async record(ctx: RequestContext, dto: RecordComplaintDto): Promise<RecordedComplaint> {
    const line: ComplaintLine = {
      line: 1,
      number: dto.number || null,
      date: dto.date,
      unitCode: dto.unitCode.toUpperCase(),
      personnelNumber: dto.personnelNumber || null,
      category: dto.category,
      outcome: dto.outcome,
    };
    return this.tx.withTransaction(async () => {
      const { written, refreshersAssigned } = await this.write(ctx, [line], [], (errors) => {
        const fields: Record<string, string> = { unit_code: 'unitCode', personnel_number: 'personnelNumber' };
        return new ValidationFailed(
          'The complaint was not recorded',
          errors.map((error) => ({ field: fields[error.field] ?? error.field, message: error.message })),
          TrustProblem.ComplaintInvalid,
        );
      });
      const [{ id, created }] = written;
      await this.audit.record(ctx, {
        action: created ? 'complaint.create' : 'complaint.update',
        entityType: 'complaint',
        entityId: id,
        after: { ...line, refreshersAssigned },
      });
      const [view] = await this.tx.query<ComplaintView>(`${COMPLAINT_SELECT} WHERE c.id = $1`, [id]);
      return { ...view, created, refreshersAssigned };
    });
  }

  /**
   * Checks the lines' units and officers against the caller's subtrees,
   * refuses them all with `refuse(errors)` on any error, else writes them
   * (a known register number is replaced) and runs the refresher rules.
   */
  private async write(
    ctx: RequestContext,
    lines: ComplaintLine[],
    errors: FieldProblem[],
    refuse: (errors: FieldProblem[]) => Error,
  ): Promise<{ written: { id: string; created: boolean }[]; refreshersAssigned: number }> {
    const scope = ctx.subtrees('hr');
    const units = await this.units.codeIndex();
    const inScope = (path: string) => scope === null || scope.some((prefix) => path.startsWith(prefix));
    // Officers by personnel number, read across from personnel in one statement.
    const numbers = [...new Set(lines.map((l) => l.personnelNumber).filter((n): n is string => n !== null))];
    const officers = new Map(
      (
        await this.tx.query<{ personnel_number: string; id: string; path: string }>(
          `SELECT o.personnel_number, o.id, u.path FROM officer o JOIN unit u ON u.id = o.unit_id
           WHERE o.personnel_number = ANY($1::text[])`,
          [numbers],
        )
      ).map((row) => [row.personnel_number, row]),
    );
    const rows = lines.map((line) => {
      const unit = units.get(line.unitCode.toLowerCase());
      if (!unit || !inScope(unit.path)) {
        errors.push({ line: line.line, field: 'unit_code', message: 'no such unit in your subtree' });
      }
      const officer = line.personnelNumber ? officers.get(line.personnelNumber) : undefined;
      if (line.personnelNumber && (!officer || !inScope(officer.path))) {
        errors.push({ line: line.line, field: 'personnel_number', message: 'no such officer in your subtree' });
      }
      return { ...line, unitId: unit?.id ?? null, officerId: officer?.id ?? null };
    });
    if (errors.length) throw refuse(errors);
    const written = await this.tx.query<{ id: string; created: boolean }>(
      `INSERT INTO complaint (number, received_on, unit_id, officer_id, category, outcome, imported_by)
       SELECT * FROM unnest($1::varchar[], $2::date[], $3::uuid[], $4::uuid[], $5::varchar[], $6::varchar[], $7::uuid[])
       ON CONFLICT (number) WHERE number IS NOT NULL DO UPDATE
         SET received_on = EXCLUDED.received_on, unit_id = EXCLUDED.unit_id, officer_id = EXCLUDED.officer_id,
             category = EXCLUDED.category, outcome = EXCLUDED.outcome, imported_by = EXCLUDED.imported_by
       RETURNING id, (xmax = 0) AS created`,
      [
        rows.map((r) => r.number),
        rows.map((r) => r.date),
        rows.map((r) => r.unitId),
        rows.map((r) => r.officerId),
        rows.map((r) => r.category),
        rows.map((r) => r.outcome),
        rows.map(() => ctx.userId),
      ],
    );
    const refreshersAssigned = await this.applyRefreshers(
      ctx,
      written.map((row) => row.id),
    );
    return { written, refreshersAssigned };
  }

  /**
   * Runs the refresher rules for these complaints: each substantiated one
   * with a known officer, once per rule (`complaint_refresher` remembers),
   * enrolled through the assignments library like HR's own assignment.
   */
  async applyRefreshers(ctx: RequestContext, complaintIds: string[]): Promise<number> {
    const due = await this.tx.query<{
      course_id: string;
      due_in_days: number;
      category: string;
      officer_ids: string[];
    }>(
      `WITH applied AS (
         INSERT INTO complaint_refresher (complaint_id, rule_id, enrolled)
         SELECT c.id, r.id, false FROM complaint c
         JOIN refresher_rule r ON r.category = c.category AND r.retired_at IS NULL
         WHERE c.id = ANY($1::uuid[]) AND c.outcome = 'substantiated' AND c.officer_id IS NOT NULL
         ON CONFLICT DO NOTHING RETURNING complaint_id, rule_id
       )
       SELECT r.course_id, r.due_in_days, r.category, array_agg(DISTINCT c.officer_id) AS officer_ids
       FROM applied a JOIN refresher_rule r ON r.id = a.rule_id JOIN complaint c ON c.id = a.complaint_id
       JOIN officer o ON o.id = c.officer_id WHERE o.status <> 'dismissed'
       GROUP BY r.course_id, r.due_in_days, r.category`,
      [complaintIds],
    );
    let enrolled = 0;
    for (const group of due) {
      const result = await this.enrollments.assignManually(
        ctx,
        { courseId: group.course_id, officerIds: group.officer_ids, dueInDays: group.due_in_days },
        { detail: group.category },
      );
      enrolled += result.enrolled;
    }
    if (due.length) {
      // Which applications created an enrolment: those whose officer got one in this very transaction.
      await this.tx.query(
        `UPDATE complaint_refresher cr SET enrolled = true FROM complaint c, refresher_rule r
         WHERE cr.complaint_id = c.id AND cr.rule_id = r.id AND cr.complaint_id = ANY($1::uuid[])
           AND EXISTS (SELECT 1 FROM enrollment e WHERE e.officer_id = c.officer_id AND e.course_id = r.course_id
                       AND e.assigned_at = now() AND e.reason = 'complaint-refresher')`,
        [complaintIds],
      );
    }
    return enrolled;
  }

  async list(ctx: RequestContext, query: ListComplaintsQuery): Promise<Page<ComplaintView>> {
    const params: unknown[] = [];
    const where = [subtreeCondition('u.path', ctx.subtrees('hr'), params)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.unitId) add(`u.path LIKE ?`, `${(await this.units.findInScope(ctx, query.unitId, ['hr'])).path}%`);
    if (query.officerId) add('c.officer_id = ?', query.officerId);
    if (query.category) add('c.category = ?', query.category);
    if (query.outcome) add('c.outcome = ?', query.outcome);
    if (query.from) add('c.received_on >= ?::date', query.from);
    if (query.to) add('c.received_on <= ?::date', query.to);
    const { rows, total } = await this.tx.page<ComplaintView>({
      from: 'complaint c JOIN unit u ON u.id = c.unit_id',
      select: COMPLAINT_SELECT,
      where: where.join(' AND '),
      orderBy: 'c.received_on DESC, c.id',
      params,
      page: query,
    });
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }

  /** A national rule (HR at the root, or admin): the same complaint means the same refresher everywhere. */
  async createRule(ctx: RequestContext, dto: CreateRefresherRuleDto): Promise<RefresherRuleView> {
    if (!ctx.isNational('hr')) throw new NotFound('Refresher rules of your subtree');
    return this.tx.withTransaction(async () => {
      await this.courses.requirePublished(dto.courseId, 'assigning it as a refresher');
      const [row] = await this.tx.query<RefresherRuleView>(
        `INSERT INTO refresher_rule (category, course_id, due_in_days, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (category, course_id) WHERE retired_at IS NULL DO NOTHING
         RETURNING id, category, course_id AS "courseId", due_in_days AS "dueInDays", created_at AS "createdAt"`,
        [dto.category, dto.courseId, dto.dueInDays, ctx.userId],
      );
      if (!row)
        throw new Conflict(TrustProblem.RefresherRuleExists, 'An active rule for this category and course exists');
      await this.audit.record(ctx, {
        action: 'refresher-rule.create',
        entityType: 'refresher_rule',
        entityId: row.id,
        after: { ...dto },
      });
      return row;
    });
  }

  async listRules(): Promise<RefresherRuleView[]> {
    return this.tx.query<RefresherRuleView>(
      `SELECT id, category, course_id AS "courseId", due_in_days AS "dueInDays", created_at AS "createdAt"
       FROM refresher_rule WHERE retired_at IS NULL ORDER BY category, created_at`,
    );
  }

  async retireRule(ctx: RequestContext, id: string): Promise<void> {
    if (!ctx.isNational('hr')) throw new NotFound('Refresher rule', id);
    await this.tx.withTransaction(async () => {
      const retired = await this.tx.query(
        `UPDATE refresher_rule SET retired_at = now() WHERE id = $1 AND retired_at IS NULL RETURNING id`,
        [id],
      );
      if (!retired.length) throw new NotFound('Refresher rule', id);
      await this.audit.record(ctx, { action: 'refresher-rule.retire', entityType: 'refresher_rule', entityId: id });
    });
  }

  private invalid(errors: FieldProblem[]): ValidationFailed {
    errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return new ValidationFailed(
      `The register has ${errors.length} error(s); nothing was imported`,
      errors,
      TrustProblem.ComplaintImportInvalid,
    );
  }
}
