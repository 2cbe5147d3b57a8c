import { Injectable } from '@nestjs/common';
import { EnrollmentClosed, EnrollmentService, OPEN_STATUSES } from '@lms/assignments';
import { CourseVersionService, ScenarioService } from '@lms/catalogue';
import {
  AuditService,
  NotFound,
  OwnEnrollment,
  Page,
  PageQuery,
  RequestContext,
  Role,
  TransactionHost,
} from '@lms/core';
import { PracticalAssessmentResult, PracticalAssessmentView } from '../dto/assessment.response';
import type { PracticalAssessmentDto } from '../dto/practical.dto';
import type { CriterionScore } from '../entities/practical-assessment.entity';
import {
  InvalidAutoFail,
  InvalidScores,
  NoRubric,
  PracticalAlreadyPassed,
  ScenarioNotForCourse,
} from '../assessments.errors';
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
  scenario_id: string | null;
  scenario_code: string | null;
  auto_fail: string[];
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
    scenarioId: row.scenario_id,
    scenarioCode: row.scenario_code,
    autoFail: row.auto_fail,
    comment: row.comment,
    score: Number(row.score),
    passed: row.passed,
    assessedAt: row.assessed_at,
  };
}

const SELECT = `SELECT p.*, ua.username AS assessor_name, sc.code AS scenario_code FROM practical_assessment p
  LEFT JOIN user_account ua ON ua.id = p.assessor_user_id LEFT JOIN scenario sc ON sc.id = p.scenario_id`;

/** Trainers score role-play scenarios against the pinned version's rubric. Owns `practical_assessment`. */
@Injectable()
export class PracticalAssessmentService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly enrollments: EnrollmentService,
    private readonly versions: CourseVersionService,
    private readonly scenarios: ScenarioService,
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
      const rubric = (await this.versions.contentOf(versionId))?.rubric;
      if (!rubric || rubric.criteria.length === 0) throw new NoRubric();
      const problems = scoreProblems(rubric, dto.scores);
      if (problems.length > 0) throw new InvalidScores(problems);
      if (dto.scenarioId) await this.requireScenario(dto.scenarioId, enrollment.course_id, versionId);
      const autoFail = [...new Set(dto.autoFail ?? [])];
      const known = await this.scenarios.autoFailCodes();
      const unknown = autoFail.filter((code) => !known.includes(code));
      if (unknown.length > 0) throw new InvalidAutoFail(unknown);
      const score = weightedPercent(rubric, dto.scores);
      // An automatic-fail behaviour (humiliation, an unlawful threat, a bribe taken...) fails whatever the scores.
      const passed = score >= rubric.passThreshold && autoFail.length === 0;
      const given = new Map(dto.scores.map((s) => [s.criterionId, s.score]));
      const scores = rubric.criteria.map((c) => ({ criterionId: c.id, score: given.get(c.id)! }));
      const [{ id }] = await this.tx.query<{ id: string }>(
        `INSERT INTO practical_assessment (enrollment_id, course_version_id, assessor_user_id, scores, comment, score, passed,
                                           scenario_id, auto_fail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          enrollmentId,
          versionId,
          ctx.userId,
          JSON.stringify(scores),
          dto.comment || null,
          score,
          passed,
          dto.scenarioId ?? null,
          autoFail,
        ],
      );
      await this.audit.record(ctx, {
        action: 'practical-assessment.create',
        entityType: 'practical_assessment',
        entityId: id,
        unitPath: enrollment.unit_path,
        after: {
          enrollmentId,
          scenarioId: dto.scenarioId ?? null,
          scores,
          autoFail,
          comment: dto.comment ?? null,
          score,
          passed,
        },
      });
      if (passed) {
        enrollmentStatus = (await this.enrollments.recordProgress(ctx, enrollmentId, { practicalPassed: true })).status;
      }
      const [row] = await this.tx.query<AssessmentRow>(`${SELECT} WHERE p.id = $1`, [id]);
      return { ...mapAssessment(row), passThreshold: rubric.passThreshold, enrollmentStatus };
    });
  }

  /** The scenario must exist (404), be current, of the enrolment's course and fit the pinned version's rubric (409). */
  private async requireScenario(scenarioId: string, courseId: string, versionId: string): Promise<void> {
    const scenario = await this.scenarios.forAssessment(scenarioId, versionId);
    if (!scenario) throw new NotFound('Scenario', scenarioId);
    if (scenario.courseId !== courseId) throw new ScenarioNotForCourse(scenario.code, 'other-course');
    if (!scenario.fitsVersion) throw new ScenarioNotForCourse(scenario.code, 'other-rubric');
    if (!scenario.current) throw new ScenarioNotForCourse(scenario.code, 'retired');
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
