import { Injectable } from '@nestjs/common';
import { ProgrammeRuleService } from '@lms/catalogue';
import { AuditService, NotFound, Page, RequestContext, subtreeCondition, TransactionHost } from '@lms/core';
import { SetQualificationsDto, TrainerProfileView, TrainerQuery } from '../dto/trainer.dto';
import { TrainerNotQualified } from '../seminars.errors';

const PROFILE_SELECT = `
  SELECT a.id AS "userId", a.username,
         (SELECT coalesce(json_agg(json_build_object('area', q.area, 'evidence', q.evidence, 'qualifiedOn', q.qualified_on,
                   'recordedBy', q.recorded_by, 'recordedAt', q.recorded_at) ORDER BY q.area), '[]')
          FROM trainer_qualification q WHERE q.user_id = a.id) AS qualifications
  FROM user_account a`;

/** Users holding the trainer role in a unit matching `scope` (a condition on `u.path`). */
const TRAINER_IN = (scope: string) =>
  `EXISTS (SELECT 1 FROM user_role r JOIN unit u ON u.id = r.unit_id WHERE r.user_id = a.id AND r.role = 'trainer' AND ${scope})`;

/**
 * Trainer profiles and their qualifications (psychology, conflictology,
 * communication), and the programmes' rule that their seminars are run by a
 * qualified trainer. Owns `trainer_qualification`.
 */
@Injectable()
export class TrainerProfileService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly rules: ProgrammeRuleService,
    private readonly audit: AuditService,
  ) {}

  /** Every active trainer: a region's seminars are often run by the ministry's trainers, so whoever schedules sees them all. */
  async list(_ctx: RequestContext, query: TrainerQuery): Promise<Page<TrainerProfileView>> {
    const params: unknown[] = [];
    const where = [TRAINER_IN('TRUE'), 'NOT a.disabled'];
    if (query.qualification) {
      params.push(query.qualification);
      where.push(
        `EXISTS (SELECT 1 FROM trainer_qualification q WHERE q.user_id = a.id AND q.area = $${params.length})`,
      );
    }
    const { rows, total } = await this.tx.page<TrainerProfileView>({
      from: 'user_account a',
      select: PROFILE_SELECT,
      where: where.join(' AND '),
      orderBy: 'a.username',
      params,
      page: query,
    });
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }

  /** A trainer's profile; 404 for a user who is no trainer. */
  async get(_ctx: RequestContext, userId: string): Promise<TrainerProfileView> {
    const [row] = await this.tx.query<TrainerProfileView>(
      `${PROFILE_SELECT} WHERE a.id = $1 AND ${TRAINER_IN('TRUE')}`,
      [userId],
    );
    if (!row) throw new NotFound('Trainer', userId);
    return row;
  }

  /** Replaces a trainer's qualifications (HR of the trainer's unit, admins). */
  async setQualifications(ctx: RequestContext, userId: string, dto: SetQualificationsDto): Promise<TrainerProfileView> {
    return this.tx.withTransaction(async () => {
      const params: unknown[] = [userId];
      const scope = subtreeCondition('u.path', ctx.subtrees('hr'), params);
      const [inScope] = await this.tx.query(
        `SELECT 1 FROM user_account a WHERE a.id = $1 AND ${TRAINER_IN(scope)}`,
        params,
      );
      if (!inScope) throw new NotFound('Trainer', userId);
      const before = await this.get(RequestContext.system(), userId);
      const byArea = new Map(dto.qualifications.map((q) => [q.area, q]));
      await this.tx.query('DELETE FROM trainer_qualification WHERE user_id = $1 AND NOT (area = ANY($2))', [
        userId,
        [...byArea.keys()],
      ]);
      await this.tx.query(
        `INSERT INTO trainer_qualification (user_id, area, evidence, qualified_on, recorded_by)
         SELECT $1, q.area, q.evidence, q."qualifiedOn", $3
         FROM jsonb_to_recordset($2::jsonb) AS q(area text, evidence text, "qualifiedOn" date)
         ON CONFLICT (user_id, area) DO UPDATE SET evidence = excluded.evidence, qualified_on = excluded.qualified_on,
           recorded_by = excluded.recorded_by, recorded_at = now()
         WHERE (trainer_qualification.evidence, trainer_qualification.qualified_on)
           IS DISTINCT FROM (excluded.evidence, excluded.qualified_on)`,
        [userId, JSON.stringify([...byArea.values()]), ctx.userId],
      );
      const after = await this.get(RequestContext.system(), userId);
      await this.audit.record(ctx, {
        action: 'trainer.qualifications',
        entityType: 'user_account',
        entityId: userId,
        before: before.qualifications,
        after: after.qualifications,
      });
      return after;
    });
  }

  /**
   * The programmes the course is in may ask that their seminars be run by a
   * qualified trainer: the trainer needs one of each rule's areas (409 `trainer-not-qualified`).
   */
  async requireQualifiedFor(courseId: string, trainerUserId: string): Promise<void> {
    const requirements = await this.rules.requirementsFor(courseId);
    if (requirements.length === 0) return;
    const held = await this.tx.query<{ area: string }>('SELECT area FROM trainer_qualification WHERE user_id = $1', [
      trainerUserId,
    ]);
    const areas = new Set(held.map((q) => q.area));
    const unmet = requirements.find((r) => !r.trainerQualifications.some((area) => areas.has(area)));
    if (unmet) throw new TrainerNotQualified(unmet.programmeCode, unmet.trainerQualifications);
  }
}
