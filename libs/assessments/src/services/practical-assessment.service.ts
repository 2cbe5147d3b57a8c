import { Injectable } from '@nestjs/common';
import { EnrollmentClosed, EnrollmentService, OPEN_STATUSES } from '@lms/assignments';
import { CourseVersionService } from '@lms/catalogue';
import { AuditService, OwnEnrollment, Page, PageQuery, RequestContext, Role, TransactionHost } from '@lms/core';
import { PracticalAssessmentResult, PracticalAssessmentView } from '../dto/assessment.response';
import type { PracticalAssessmentDto } from '../dto/practical.dto';
import type { CriterionScore } from '../entities/practical-assessment.entity';
import { InvalidScores, NoRubric, PracticalAlreadyPassed } from '../assessments.errors';
import { scoreProblems, weightedPercent } from './rubric-scoring';

/** Who grades role-plays: trainers within their subtree (admin implied). */
const ASSESSORS: Role[] = ['trainer'];

interface AssessmentRow {
  id: string;
  enrollment_id: string;
  course_version_id: string;
  assessor_user_id: string;
  assessor_name: string | null;
  scores: CriterionScore[];
  comment: string | null;
  score: string;
  passed: boolean;
  assessed_at: Date;
}

function mapAssessment(row: AssessmentRow): PracticalAssessmentView {
  return {
    id: row.id,
    enrollmentId: row.enrollment_id,
    courseVersionId: row.course_version_id,
    assessorUserId: row.assessor_user_id,
    assessorName: row.assessor_name,
    scores: row.scores,
    comment: row.comment,
    score: Number(row.score),
    passed: row.passed,
    assessedAt: row.assessed_at,
  };
}

const SELECT = `SELECT p.*, ua.username AS assessor_name FROM practical_assessment p LEFT JOIN user_account ua ON ua.id = p.assessor_user_id`;

/** Trainers score role-play scenarios against the pinned version's rubric. Owns `practical_assessment`. */
@Injectable()
export class PracticalAssessmentService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly enrollments: EnrollmentService,
    private readonly versions: CourseVersionService,
    private readonly audit: AuditService,
  ) {}

  /** Records a scoring; a pass is reported to the enrolment. Bad scores: 422 and nothing written. */
  async assess(
    ctx: RequestContext,
    enrollmentId: string,
    dto: PracticalAssessmentDto,
  ): Promise<PracticalAssessmentResult> {
    return this.tx.withTransaction(async () => {
      const enrollment = await this.enrollments.find(ctx, enrollmentId, ASSESSORS, true);
      if (enrollment.officer_id === ctx.actor?.officerId) throw new OwnEnrollment('assess');
      if (!(OPEN_STATUSES as readonly string[]).includes(enrollment.status))
        throw new EnrollmentClosed(enrollment.status, 'assessed');
      if (enrollment.progress.practicalPassed) throw new PracticalAlreadyPassed();
      let enrollmentStatus: string = enrollment.effective_status;
      let versionId = enrollment.course_version_id;
      if (!versionId) {
        // Grading before the officer opened the course pins the version now, as starting would.
        const started = await this.enrollments.start(ctx, enrollmentId);
        [versionId, enrollmentStatus] = [started.courseVersionId!, started.status];
      }
      const rubric = (await this.versions.byId(versionId))?.content.rubric;
      if (!rubric || rubric.criteria.length === 0) throw new NoRubric();
      const problems = scoreProblems(rubric, dto.scores);
      if (problems.length > 0) throw new InvalidScores(problems);
      const score = weightedPercent(rubric, dto.scores);
      const passed = score >= rubric.passThreshold;
      const given = new Map(dto.scores.map((s) => [s.criterionId, s.score]));
      const scores = rubric.criteria.map((c) => ({ criterionId: c.id, score: given.get(c.id)! }));
      const [{ id }] = await this.tx.query<{ id: string }>(
        `INSERT INTO practical_assessment (enrollment_id, course_version_id, assessor_user_id, scores, comment, score, passed)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [enrollmentId, versionId, ctx.userId, JSON.stringify(scores), dto.comment || null, score, passed],
      );
      await this.audit.record(ctx, {
        action: 'practical-assessment.create',
        entityType: 'practical_assessment',
        entityId: id,
        unitPath: enrollment.unit_path,
        after: { enrollmentId, scores, comment: dto.comment ?? null, score, passed },
      });
      if (passed) {
        enrollmentStatus = (await this.enrollments.recordProgress(ctx, enrollmentId, { practicalPassed: true })).status;
      }
      const [row] = await this.tx.query<AssessmentRow>(`${SELECT} WHERE p.id = $1`, [id]);
      return { ...mapAssessment(row), passThreshold: rubric.passThreshold, enrollmentStatus };
    });
  }

  /** An enrolment's assessments, latest first. Officer own, HR and trainers in scope. */
  async list(ctx: RequestContext, enrollmentId: string, page: PageQuery): Promise<Page<PracticalAssessmentView>> {
    await this.enrollments.find(ctx, enrollmentId);
    const { rows, total } = await this.tx.page<AssessmentRow>({
      from: 'practical_assessment p',
      select: SELECT,
      where: 'p.enrollment_id = $1',
      orderBy: 'p.assessed_at DESC, p.id',
      params: [enrollmentId],
      page,
    });
    return { items: rows.map(mapAssessment), total, limit: page.limit, offset: page.offset };
  }
}
