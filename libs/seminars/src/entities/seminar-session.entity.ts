import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidPrimaryColumn } from '@lms/core';
import { CourseEntity, CourseVersionEntity } from '@lms/catalogue';
import { UnitEntity } from '@lms/personnel';

export const SESSION_STATUSES = ['scheduled', 'cancelled', 'completed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const SESSION_LANGUAGES = ['kk', 'ru'] as const;
export type SessionLanguage = (typeof SESSION_LANGUAGES)[number];

/**
 * A face-to-face seminar of a course: when, where, who leads it, how many
 * seats. Pinned to the course version published when it was scheduled, whose
 * seminar hours it credits. A trainer's sessions never overlap: checked under
 * a per-trainer advisory lock (no btree_gist extension for an exclusion constraint).
 */
@Entity('seminar_session')
@Index('IDX_seminar_session_course_start', ['courseId', 'startsAt'])
@Index('IDX_seminar_session_trainer_start', ['trainerUserId', 'startsAt'])
@Index('IDX_seminar_session_unit', ['unitId'])
@Check('CHK_seminar_session_status', `"status" IN ('scheduled', 'cancelled', 'completed')`)
@Check('CHK_seminar_session_language', `"language" IN ('kk', 'ru')`)
@Check('CHK_seminar_session_times', `"ends_at" > "starts_at"`)
@Check('CHK_seminar_session_capacity', `"capacity" >= 1`)
@Check('CHK_seminar_session_deadline', `"booking_deadline" IS NULL OR "booking_deadline" <= "starts_at"`)
@Check('CHK_seminar_session_location', `"address" IS NOT NULL OR "online_url" IS NOT NULL`)
export class SeminarSessionEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'FK_seminar_session_course' })
  course?: CourseEntity;

  @Column({ name: 'course_version_id', type: 'uuid' })
  courseVersionId: string;

  @ManyToOne(() => CourseVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_version_id', foreignKeyConstraintName: 'FK_seminar_session_course_version' })
  courseVersion?: CourseVersionEntity;

  /** The unit that holds the session (its place); scope for HR and trainers follows from it. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_seminar_session_unit' })
  unit?: UnitEntity;

  @Column({ name: 'trainer_user_id', type: 'uuid' })
  trainerUserId: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  room: string | null;

  @Column({ name: 'online_url', type: 'varchar', length: 1000, nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'varchar', length: 2 })
  language: SessionLanguage;

  @Column({ name: 'booking_deadline', type: 'timestamptz', nullable: true })
  bookingDeadline: Date | null;

  @Column({ type: 'varchar', length: 20, default: 'scheduled' })
  status: SessionStatus;

  /** Bumped by every reschedule or cancellation: the calendar SEQUENCE, so clients replace their copy. */
  @Column({ type: 'integer', default: 0 })
  revision: number;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
