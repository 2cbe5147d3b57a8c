import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionHost } from '@lms/core';
import { AUDIENCE_MATCH, DUE_AT, INSERT_NEW_ENROLMENTS, OFFICER_MATCH, UNIT_MATCH } from './audience.sql';

/**
 * Rules → enrolments, set-based: one INSERT ... SELECT per call, idempotent
 * (covered officers are skipped), and safe under concurrency (the unique
 * index on open enrolments turns a race into ON CONFLICT DO NOTHING).
 */
@Injectable()
export class MaterializerService {
  constructor(private readonly tx: TransactionHost) {}

  /** Enrols every matching active officer (or only `officerIds`) for one rule; returns how many. */
  async materializeRule(ctx: RequestContext, ruleId: string, officerIds?: string[]): Promise<number> {
    return this.materialize(ctx, ruleId, officerIds ?? null);
  }

  /**
   * Enrols the active officers matching one rule, or (ruleId null) every
   * active rule in one statement: where several rules give an officer the
   * same course, the earliest rule does, as running them one by one in order
   * of creation would (later ones find the officer covered).
   */
  private async materialize(ctx: RequestContext, ruleId: string | null, officerIds: string[] | null): Promise<number> {
    const params: unknown[] = [ctx.userId];
    const where = ['r.retired_at IS NULL'];
    if (ruleId) {
      params.push(ruleId);
      where.push(`r.id = $${params.length}`);
    }
    let only = '';
    if (officerIds) {
      params.push(officerIds);
      only = `AND o.id = ANY($${params.length}::uuid[])`;
    }
    const first = ruleId ? '' : 'DISTINCT ON (o.id, c.course_id)';
    // The audience's units are matched once per rule (units are few), then officers by unit: matching
    // each officer's unit path against each rule cost seconds for an import of 10,000 officers.
    const [{ count }] = await this.tx.query<{ count: number }>(
      `WITH rule_unit AS MATERIALIZED (
         SELECT r.id AS rule_id, u.id AS unit_id FROM assignment_rule r JOIN unit u ON ${UNIT_MATCH}
         WHERE ${where.join(' AND ')}
       ),
       target AS MATERIALIZED (
         SELECT ${first} o.id AS officer_id, c.course_id, r.id AS rule_id, r.order_id, ${DUE_AT} AS due_at,
                $1::uuid AS assigned_by
         FROM rule_unit ru
         JOIN assignment_rule r ON r.id = ru.rule_id
         CROSS JOIN unnest(r.course_ids) AS c(course_id)
         JOIN officer o ON o.unit_id = ru.unit_id AND o.status = 'active' ${only}
         WHERE ${OFFICER_MATCH}
         ${ruleId ? '' : 'ORDER BY o.id, c.course_id, r.created_at, r.id'}
       )${INSERT_NEW_ENROLMENTS}`,
      params,
    );
    return count;
  }

  /**
   * After officers were created, imported or changed: close open rule-made
   * enrolments of those who left every audience for that course (or were
   * dismissed), then enrol them under every active rule they now match.
   */
  async officersChanged(ctx: RequestContext, officerIds: string[]): Promise<{ enrolled: number; withdrawn: number }> {
    const withdrawn = await this.tx.query<{ id: string }>(
      `UPDATE enrollment e SET status = 'withdrawn', closed_at = now(), closed_by = $2::uuid, updated_at = now(),
              closed_reason = CASE WHEN o.status = 'dismissed' THEN 'officer dismissed' ELSE 'officer left the audience of the rule' END
       FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE e.officer_id = o.id AND o.id = ANY($1::uuid[]) AND e.status IN ('assigned', 'in_progress') AND e.rule_id IS NOT NULL
         AND (o.status = 'dismissed' OR NOT EXISTS (
               SELECT 1 FROM assignment_rule r WHERE r.retired_at IS NULL AND e.course_id = ANY(r.course_ids) AND ${AUDIENCE_MATCH}))
       RETURNING e.id`,
      [officerIds, ctx.userId],
    );
    return { withdrawn: withdrawn.length, enrolled: await this.materialize(ctx, null, officerIds) };
  }

  /**
   * Recurrence: a completion whose validity has run out by `asOf` (the
   * clock's now) opens the next cycle of the same rule, due in the rule's
   * number of days (30 if it has a fixed date).
   */
  async openExpiredCycles(asOf: Date): Promise<number> {
    const [{ opened }] = await this.tx.query<{ opened: number }>(
      `WITH latest AS MATERIALIZED (
         SELECT DISTINCT ON (officer_id, course_id) * FROM enrollment ORDER BY officer_id, course_id, cycle DESC
       ), inserted AS (
         INSERT INTO enrollment (officer_id, course_id, cycle, rule_id, order_id, status, assigned_at, due_at)
         SELECT e.officer_id, e.course_id, e.cycle + 1, e.rule_id, e.order_id, 'assigned', $1::timestamptz,
                $1::timestamptz + make_interval(days => coalesce(r.due_in_days, 30))
         FROM latest e
         JOIN assignment_rule r ON r.id = e.rule_id AND r.retired_at IS NULL
         JOIN officer o ON o.id = e.officer_id AND o.status = 'active'
         WHERE e.status = 'completed' AND e.expires_at <= $1
         ON CONFLICT DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS opened FROM inserted`,
      [asOf],
    );
    return opened;
  }
}
