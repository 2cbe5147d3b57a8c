import { Injectable } from '@nestjs/common';
import { AuditService, NotFound, RequestContext, TransactionHost } from '@lms/core';
import { ProgrammeSeminarRuleView } from '../dto/bank.response';
import type { TrainerQualification } from '../entities/programme-rule.entity';

/** What a course's programmes ask of the trainer who runs its seminars. */
export interface SeminarTrainerRequirement {
  programmeCode: string;
  /** At least one of these. */
  trainerQualifications: TrainerQualification[];
}

/** Programmes' rules on who runs their seminars. Owns `programme_seminar_rule`. */
@Injectable()
export class ProgrammeRuleService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
  ) {}

  async get(_ctx: RequestContext, programmeId: string): Promise<ProgrammeSeminarRuleView> {
    const [row] = await this.tx.query<ProgrammeSeminarRuleView>(
      `SELECT p.id AS "programmeId", coalesce(r.trainer_qualifications, '{}') AS "trainerQualifications"
       FROM programme p LEFT JOIN programme_seminar_rule r ON r.programme_id = p.id WHERE p.id = $1`,
      [programmeId],
    );
    if (!row) throw new NotFound('Programme', programmeId);
    return row;
  }

  async set(
    ctx: RequestContext,
    programmeId: string,
    trainerQualifications: TrainerQualification[],
  ): Promise<ProgrammeSeminarRuleView> {
    return this.tx.withTransaction(async () => {
      const before = await this.get(ctx, programmeId);
      const areas = [...new Set(trainerQualifications)].sort();
      await this.tx.query(
        `INSERT INTO programme_seminar_rule (programme_id, trainer_qualifications) VALUES ($1, $2)
         ON CONFLICT (programme_id) DO UPDATE SET trainer_qualifications = excluded.trainer_qualifications, updated_at = now()`,
        [programmeId, areas],
      );
      const after = await this.get(ctx, programmeId);
      await this.audit.record(ctx, {
        action: 'programme.seminar-rule',
        entityType: 'programme',
        entityId: programmeId,
        before,
        after,
      });
      return after;
    });
  }

  /** Sets the rule only where a programme has none yet (the seed's default, never over an admin's choice). */
  async setDefault(programmeId: string, trainerQualifications: readonly TrainerQualification[]): Promise<boolean> {
    const inserted = await this.tx.query(
      `INSERT INTO programme_seminar_rule (programme_id, trainer_qualifications) VALUES ($1, $2)
       ON CONFLICT (programme_id) DO NOTHING RETURNING programme_id`,
      [programmeId, trainerQualifications],
    );
    return inserted.length > 0;
  }

  /** The requirements of every programme the course is in that has one. */
  async requirementsFor(courseId: string): Promise<SeminarTrainerRequirement[]> {
    return this.tx.query<SeminarTrainerRequirement>(
      `SELECT p.code AS "programmeCode", r.trainer_qualifications AS "trainerQualifications"
       FROM programme_course pc JOIN programme p ON p.id = pc.programme_id
       JOIN programme_seminar_rule r ON r.programme_id = p.id
       WHERE pc.course_id = $1 AND cardinality(r.trainer_qualifications) > 0
       ORDER BY p.code`,
      [courseId],
    );
  }
}
