import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EnrollmentEntity } from '@lms/assignments';
import { CourseVersionEntity } from '@lms/catalogue';
import { UuidPrimaryColumn } from '@lms/core';

export interface CriterionScore {
  criterionId: string;
  score: number;
}

/** A trainer's scoring of a role-play scenario against the pinned version's rubric. Never changed afterwards. */
@Entity('practical_assessment')
@Index('IDX_practical_assessment_enrollment', ['enrollmentId'])
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
