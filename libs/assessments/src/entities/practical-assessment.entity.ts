import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EnrollmentEntity } from '@lms/assignments';
import { CourseVersionEntity, ScenarioEntity } from '@lms/catalogue';
import { UuidPrimaryColumn } from '@lms/core';

export interface CriterionScore {
  criterionId: string;
  score: number;
}

/** A trainer's scoring of a role-play scenario against the pinned version's rubric. Never changed afterwards. */
@Entity('practical_assessment')
@Index('IDX_practical_assessment_enrollment', ['enrollmentId'])
@Index('IDX_practical_assessment_scenario', ['scenarioId'])
export class PracticalAssessmentEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @ManyToOne(() => EnrollmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'FK_practical_assessment_enrollment' })
  enrollment?: EnrollmentEntity;

  @Column({ name: 'course_version_id', type: 'uuid' })
  courseVersionId: string;

  @ManyToOne(() => CourseVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_version_id', foreignKeyConstraintName: 'FK_practical_assessment_course_version' })
  courseVersion?: CourseVersionEntity;

  @Column({ name: 'assessor_user_id', type: 'uuid' })
  assessorUserId: string;

  /** One entry per rubric criterion, in the rubric's order. */
  @Column({ type: 'jsonb' })
  scores: CriterionScore[];

  /** The scenario (revision) the trainer picked, when one was. */
  @Column({ name: 'scenario_id', type: 'uuid', nullable: true })
  scenarioId: string | null;

  @ManyToOne(() => ScenarioEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scenario_id', foreignKeyConstraintName: 'FK_practical_assessment_scenario' })
  scenario?: ScenarioEntity;

  /** Automatic-fail behaviours the trainer saw (codes of `scenario_auto_fail_behaviour`): any one fails the role-play. */
  @Column({ name: 'auto_fail', type: 'varchar', length: 60, array: true, default: () => "'{}'" })
  autoFail: string[];

  @Column({ type: 'varchar', length: 4000, nullable: true })
  comment: string | null;

  /** Weighted percent, two decimals. */
  @Column({ type: 'numeric', precision: 5, scale: 2 })
  score: string;

  @Column({ type: 'boolean' })
  passed: boolean;

  @Column({ name: 'assessed_at', type: 'timestamptz', default: () => 'now()' })
  assessedAt: Date;
}
