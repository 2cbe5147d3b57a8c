import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EnrollmentEntity } from '@lms/assignments';
import { CourseVersionEntity } from '@lms/catalogue';
import { UuidPrimaryColumn } from '@lms/core';

export const ATTEMPT_STATUSES = ['open', 'submitted', 'expired'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** A question as it was drawn for one attempt: its options in the order the officer saw them. */
export interface DrawnQuestion {
  questionId: string;
  optionIds: string[];
}

/** What the officer chose for one question. */
export interface GivenAnswer {
  questionId: string;
  optionIds: string[];
}

/**
 * One quiz attempt of an enrolment, against the version the enrolment is
 * pinned to. The drawn questions and their option order are kept here so
 * that grading never trusts the client; the answers stay in the version.
 */
@Entity('quiz_attempt')
@Index('UQ_quiz_attempt_number', ['enrollmentId', 'number'], { unique: true })
@Index('UQ_quiz_attempt_one_open', ['enrollmentId'], { unique: true, where: `"status" = 'open'` })
@Check('CHK_quiz_attempt_status', `"status" IN ('open', 'submitted', 'expired')`)
@Check('CHK_quiz_attempt_score', `"score" IS NULL OR "score" BETWEEN 0 AND 100`)
export class QuizAttemptEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @ManyToOne(() => EnrollmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'FK_quiz_attempt_enrollment' })
  enrollment?: EnrollmentEntity;

  @Column({ name: 'course_version_id', type: 'uuid' })
  courseVersionId: string;

  @ManyToOne(() => CourseVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_version_id', foreignKeyConstraintName: 'FK_quiz_attempt_course_version' })
  courseVersion?: CourseVersionEntity;

  /** 1, 2, ... within the enrolment; counts against the quiz's maxAttempts. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: AttemptStatus;

  @Column({ type: 'jsonb' })
  questions: DrawnQuestion[];

  @Column({ type: 'jsonb', nullable: true })
  answers: GivenAnswer[] | null;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  /** Null when the quiz has no time limit. */
  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;

  /** When it was submitted, or recorded as expired. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'correct_count', type: 'integer', nullable: true })
  correctCount: number | null;

  /** Percent of questions answered exactly right, rounded. */
  @Column({ type: 'integer', nullable: true })
  score: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;
}
