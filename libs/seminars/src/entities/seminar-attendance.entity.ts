import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { SeminarBookingEntity } from './seminar-booking.entity';

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
/** Attendance that credits the seminar's hours. */
export const CREDITED_STATUSES: readonly AttendanceStatus[] = ['present', 'late'];

/** What the trainer recorded for a booked officer, and the hours it credits. */
@Entity('seminar_attendance')
@Index('IDX_seminar_attendance_session', ['sessionId'])
@Check('CHK_seminar_attendance_status', `"status" IN ('present', 'late', 'absent', 'excused')`)
@Check('CHK_seminar_attendance_hours', `"hours" >= 0`)
export class SeminarAttendanceEntity {
  @PrimaryColumn({ name: 'booking_id', type: 'uuid' })
  bookingId: string;

  @OneToOne(() => SeminarBookingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'FK_seminar_attendance_booking' })
  booking?: SeminarBookingEntity;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @Column({ type: 'varchar', length: 10 })
  status: AttendanceStatus;

  @Column({ type: 'numeric', precision: 5, scale: 1 })
  hours: string;

  @Column({ name: 'marked_by', type: 'uuid', nullable: true })
  markedBy: string | null;

  @Column({ name: 'marked_at', type: 'timestamptz', default: () => 'now()' })
  markedAt: Date;
}
