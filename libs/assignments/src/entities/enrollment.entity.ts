import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidPrimaryColumn } from '@lms/core';
import { CourseVersionEntity } from '@lms/catalogue';
import { OfficerEntity } from '@lms/personnel';

export const ENROLLMENT_STATUSES = [
  'assigned',
  'in_progress',
  'completed',
  'overdue',
  'exempted',
  'withdrawn',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
/** Stored statuses: `overdue` is derived (open and past due), never stored. */
export const OPEN_STATUSES = ['assigned', 'in_progress'] as const;

export interface EnrollmentProgress {
  lessonsRead?: boolean;
  quizPassed?: boolean;
  practicalPassed?: boolean;
  seminarAttended?: boolean;
  /** Lesson ids of the pinned version the officer has read. */
  readLessonIds?: string[];
  seminarHours?: number;
}

/** Why an enrolment was made outside rules and orders. */
export const ENROLLMENT_REASONS = ['complaint-refresher'] as const;
export type EnrollmentReason = (typeof ENROLLMENT_REASONS)[number];

/**
 * One officer × one course × one cycle, pinned to the version the officer started.
 * course_id and rule_id carry no foreign key on purpose: courses and rules are
 * never deleted (rules retire), and a per-row key check on each would cost
 * about a third of the time of a 60,000-officer assignment.
 */
@Entity('enrollment')
@Index('UQ_enrollment_cycle', ['officerId', 'courseId', 'cycle'], { unique: true })
@Index('UQ_enrollment_one_open', ['officerId', 'courseId'], {
  unique: true,
  where: `"status" IN ('assigned', 'in_progress')`,
})
@Index('IDX_enrollment_course_status', ['courseId', 'status'])
@Index('IDX_enrollment_rule', ['ruleId'])
@Index('IDX_enrollment_order', ['orderId'])
@Index('IDX_enrollment_reason', ['reason'], { where: `"reason" IS NOT NULL` })
@Check('CHK_enrollment_reason', `"reason" IS NULL OR "reason" IN ('complaint-refresher')`)
@Check('CHK_enrollment_status', `"status" IN ('assigned', 'in_progress', 'completed', 'exempted', 'withdrawn')`)
export class EnrollmentEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'FK_enrollment_officer' })
  officer?: OfficerEntity;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ type: 'integer' })
  cycle: number;

  @Column({ name: 'course_version_id', type: 'uuid', nullable: true })
  courseVersionId: string | null;

  @ManyToOne(() => CourseVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_version_id', foreignKeyConstraintName: 'FK_enrollment_course_version' })
  courseVersion?: CourseVersionEntity;

  @Column({ name: 'rule_id', type: 'uuid', nullable: true })
  ruleId: string | null;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ type: 'varchar', length: 20, default: 'assigned' })
  status: Exclude<EnrollmentStatus, 'overdue'>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  progress: EnrollmentProgress;

  @Column({ name: 'assigned_at', type: 'timestamptz', default: () => 'now()' })
  assignedAt: Date;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** Exemption or withdrawal: why, who decided, when. */
  @Column({ name: 'closed_reason', type: 'varchar', length: 500, nullable: true })
  closedReason: string | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy: string | null;

  /**
   * Why it exists when not by a rule or an order: `complaint-refresher` (a
   * substantiated complaint), with the detail (its category). Reports count
   * these apart from ordinary assignments.
   */
  @Column({ type: 'varchar', length: 40, nullable: true })
  reason: EnrollmentReason | null;

  @Column({ name: 'reason_detail', type: 'varchar', length: 60, nullable: true })
  reasonDetail: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
