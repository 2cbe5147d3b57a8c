import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EnrollmentEntity } from '@lms/assignments';
import { UuidPrimaryColumn } from '@lms/core';
import { OfficerEntity } from '@lms/personnel';
import { SeminarSessionEntity } from './seminar-session.entity';

/**
 * booked: holds a seat; waitlisted: queued by `seq`; cancelled; closed: the
 * session took place and attendance was recorded (the seat stays counted, but
 * the booking no longer blocks booking another session of the course).
 */
export const BOOKING_STATUSES = ['booked', 'waitlisted', 'cancelled', 'closed'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Statuses that occupy a seat. */
export const SEAT_STATUSES = ['booked', 'closed'] as const;

/** An officer's seat (or place in the queue) at a session. */
@Entity('seminar_booking')
// One active booking per officer and course, whatever the session: the database refuses a second one.
@Index('UQ_seminar_booking_active', ['officerId', 'courseId'], {
  unique: true,
  where: `"status" IN ('booked', 'waitlisted')`,
})
@Index('IDX_seminar_booking_session_status', ['sessionId', 'status', 'seq'])
@Index('IDX_seminar_booking_officer', ['officerId'])
@Check('CHK_seminar_booking_status', `"status" IN ('booked', 'waitlisted', 'cancelled', 'closed')`)
export class SeminarBookingEntity {
  @UuidPrimaryColumn()
  id: string;

  /** Arrival order; the waitlist is served in this order. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  seq: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => SeminarSessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_seminar_booking_session' })
  session?: SeminarSessionEntity;

  @Column({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'FK_seminar_booking_officer' })
  officer?: OfficerEntity;

  /** The session's course, copied here for the one-active-booking index. */
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  /** The open enrolment the booking was made for; attendance reports progress to it. */
  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @ManyToOne(() => EnrollmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'FK_seminar_booking_enrollment' })
  enrollment?: EnrollmentEntity;

  @Column({ type: 'varchar', length: 20 })
  status: BookingStatus;

  @Column({ name: 'booked_by', type: 'uuid', nullable: true })
  bookedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'promoted_at', type: 'timestamptz', nullable: true })
  promotedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy: string | null;

  /** `officer`, `hr`, `session-cancelled` or `session-started` (a stale waitlist place). */
  @Column({ name: 'cancel_reason', type: 'varchar', length: 30, nullable: true })
  cancelReason: string | null;
}
