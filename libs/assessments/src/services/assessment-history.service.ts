import { Injectable } from '@nestjs/common';
import { CourseVersionService, ScenarioService, VersionContent } from '@lms/catalogue';
import { AuditService, FieldProblem, RequestContext, TransactionHost, ValidationFailed } from '@lms/core';
import type { CriterionScore } from '../entities/practical-assessment.entity';
import type { DrawnQuestion, GivenAnswer } from '../entities/quiz-attempt.entity';
import { SUBMIT_GRACE_SECONDS } from './attempt.mapper';
import { drawProblems } from './quiz-draw';
import { answerProblems, gradeAttempt } from './quiz-grading';
import { scoreProblems, weightedPercent } from './rubric-scoring';

/** A submitted quiz attempt as it happened. */
export interface PastAttempt {
  enrollmentId: string;
  startedAt: Date;
  submittedAt: Date;
  questions: DrawnQuestion[];
  answers: GivenAnswer[];
}

/** A trainer's scoring of a role-play as it happened. */
export interface PastPractical {
  enrollmentId: string;
  assessorUserId: string;
  scores: CriterionScore[];
  comment: string | null;
  assessedAt: Date;
  /** The scenario of the bank it was played on (of the enrolment's course, fitting the pinned rubric). */
  scenarioId?: string | null;
}

/**
 * Writes past quiz attempts and practical assessments, for loading an
 * organisation's past (the demo). Nothing is taken on trust: attempts are
 * graded here against the pinned version's bank, within its time limit and
 * number of attempts, and scorings weighted against its rubric, exactly as
 * the live services do. What a pass meant for the enrolment is part of its
 * own history, loaded by assignments.
 */
@Injectable()
export class AssessmentHistoryService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly versions: CourseVersionService,
    private readonly scenarios: ScenarioService,
    private readonly audit: AuditService,
  ) {}

  async load(ctx: RequestContext, history: { attempts: PastAttempt[]; practicals: PastPractical[] }): Promise<void> {
    await this.tx.withTransaction(async () => {
      const pinned = await this.pinnedVersions([
        ...new Set([...history.attempts, ...history.practicals].map((h) => h.enrollmentId)),
      ]);
      const problems: FieldProblem[] = [];
      const attempts = this.gradeAttempts(history.attempts, pinned, problems);
      const scenarioChecks: { index: number; scenarioId: string; version: { id: string } }[] = [];
      const practicals = history.practicals.flatMap((p, i) => {
        const version = pinned.get(p.enrollmentId);
        const rubric = version?.content.rubric;
        if (!version || !rubric) {
          problems.push({
            field: `practicals[${i}].enrollmentId`,
            message: 'is not pinned to a version with a rubric',
          });
          return [];
        }
        problems.push(...scoreProblems(rubric, p.scores).map((e) => ({ ...e, field: `practicals[${i}].${e.field}` })));
        if (p.assessedAt.getTime() > Date.now())
          problems.push({ field: `practicals[${i}].assessedAt`, message: 'is in the future' });
        if (p.scenarioId) scenarioChecks.push({ index: i, scenarioId: p.scenarioId, version });
        const score = weightedPercent(rubric, p.scores);
        return [
          {
            enrollment_id: p.enrollmentId,
            version_id: version.id,
            assessor_user_id: p.assessorUserId,
            scores: p.scores,
            comment: p.comment,
            score,
            passed: score >= rubric.passThreshold,
            assessed_at: p.assessedAt,
            scenario_id: p.scenarioId ?? null,
          },
        ];
      });
      problems.push(...(await this.scenarioProblems(scenarioChecks)));
      if (problems.length > 0) throw new ValidationFailed('The assessment history is not consistent', problems);

      await this.tx.query(
        `INSERT INTO quiz_attempt (enrollment_id, course_version_id, number, status, questions, answers, started_at, deadline,
                                   closed_at, correct_count, score, passed)
         SELECT x.enrollment_id, x.version_id, x.number, 'submitted', x.questions, x.answers, x.started_at, x.deadline,
                x.submitted_at, x.correct_count, x.score, x.passed
         FROM jsonb_to_recordset($1::jsonb) AS x(enrollment_id uuid, version_id uuid, number int, questions jsonb, answers jsonb,
              started_at timestamptz, deadline timestamptz, submitted_at timestamptz, correct_count int, score int, passed boolean)`,
        [JSON.stringify(attempts)],
      );
      await this.tx.query(
        `INSERT INTO practical_assessment (enrollment_id, course_version_id, assessor_user_id, scores, comment, score, passed,
                                           assessed_at, scenario_id)
         SELECT x.enrollment_id, x.version_id, x.assessor_user_id, x.scores, x.comment, x.score, x.passed, x.assessed_at,
                x.scenario_id
         FROM jsonb_to_recordset($1::jsonb) AS x(enrollment_id uuid, version_id uuid, assessor_user_id uuid, scores jsonb,
              comment text, score numeric, passed boolean, assessed_at timestamptz, scenario_id uuid)`,
        [JSON.stringify(practicals)],
      );
      await this.audit.record(ctx, {
        action: 'assessment.load-history',
        entityType: 'quiz_attempt',
        after: {
          attempts: attempts.length,
          attemptsPassed: attempts.filter((a) => a.passed).length,
          practicals: practicals.length,
          practicalsPassed: practicals.filter((p) => p.passed).length,
        },
      });
    });
  }

  /** Numbers each enrolment's attempts in time order and grades them; problems are collected, not thrown. */
  private gradeAttempts(
    attempts: PastAttempt[],
    pinned: Map<string, { id: string; content: VersionContent }>,
    problems: FieldProblem[],
  ) {
    const counts = new Map<string, number>();
    const ordered = attempts
      .map((attempt, index) => ({ attempt, index }))
      .sort((a, b) => a.attempt.startedAt.getTime() - b.attempt.startedAt.getTime());
    return ordered.flatMap(({ attempt: a, index }) => {
      const field = (name: string) => `attempts[${index}].${name}`;
      const version = pinned.get(a.enrollmentId);
      const quiz = version?.content.quiz;
      if (!version || !quiz) {
        problems.push({ field: field('enrollmentId'), message: 'is not pinned to a version with a quiz' });
        return [];
      }
      const number = (counts.get(a.enrollmentId) ?? 0) + 1;
      counts.set(a.enrollmentId, number);
      if (quiz.maxAttempts !== null && number > quiz.maxAttempts)
        problems.push({ field: field('enrollmentId'), message: `has more than ${quiz.maxAttempts} attempts` });
      problems.push(...drawProblems(quiz, a.questions).map((message) => ({ field: field('questions'), message })));
      problems.push(
        ...answerProblems(a.questions, quiz, a.answers).map((e) => ({ ...e, field: `attempts[${index}].${e.field}` })),
      );
      const deadline =
        quiz.timeLimitMinutes === null ? null : new Date(a.startedAt.getTime() + quiz.timeLimitMinutes * 60_000);
      if (a.submittedAt < a.startedAt || a.submittedAt.getTime() > Date.now())
        problems.push({ field: field('submittedAt'), message: 'is not between the start and now' });
      if (deadline && a.submittedAt.getTime() > deadline.getTime() + SUBMIT_GRACE_SECONDS * 1000)
        problems.push({ field: field('submittedAt'), message: 'is past the time limit' });
      const grade = gradeAttempt(a.questions, quiz, a.answers);
      return [
        {
          enrollment_id: a.enrollmentId,
          version_id: version.id,
          number,
          questions: a.questions,
          answers: a.answers,
          started_at: a.startedAt,
          deadline,
          submitted_at: a.submittedAt,
          correct_count: grade.correctCount,
          score: grade.score,
          passed: grade.passed,
        },
      ];
    });
  }

  /** The version each enrolment is pinned to (one set-based read across to assignments' table). */
  /** Each scenario named must exist and fit the pinned version (its course, its rubric's criteria). */
  private async scenarioProblems(
    checks: { index: number; scenarioId: string; version: { id: string } }[],
  ): Promise<FieldProblem[]> {
    const fits = new Map<string, boolean>();
    for (const { scenarioId, version } of checks) {
      const pair = `${scenarioId}/${version.id}`;
      if (!fits.has(pair))
        fits.set(pair, (await this.scenarios.forAssessment(scenarioId, version.id))?.fitsVersion ?? false);
    }
    return checks
      .filter(({ scenarioId, version }) => !fits.get(`${scenarioId}/${version.id}`))
      .map(({ index }) => ({
        field: `practicals[${index}].scenarioId`,
        message: 'is not a scenario of the course that fits the pinned rubric',
      }));
  }

  private async pinnedVersions(enrollmentIds: string[]): Promise<Map<string, { id: string; content: VersionContent }>> {
    const rows = await this.tx.query<{ id: string; course_version_id: string }>(
      'SELECT id, course_version_id FROM enrollment WHERE id = ANY($1::uuid[]) AND course_version_id IS NOT NULL',
      [enrollmentIds],
    );
    const contents = new Map<string, VersionContent>();
    for (const versionId of new Set(rows.map((row) => row.course_version_id))) {
      contents.set(versionId, (await this.versions.contentOf(versionId))!);
    }
    return new Map(
      rows.map((row) => [row.id, { id: row.course_version_id, content: contents.get(row.course_version_id)! }]),
    );
  }
}
