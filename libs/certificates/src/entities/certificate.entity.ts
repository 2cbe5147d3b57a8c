import { Column, Entity, Generated, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EnrollmentEntity } from '@lms/assignments';
import { CourseEntity, CourseVersionEntity } from '@lms/catalogue';
import { LocalizedText, UuidPrimaryColumn } from '@lms/core';
import { OfficerEntity } from '@lms/personnel';

/**
 * Issued once per completed enrolment, in the transaction that completed it.
 * The officer's name and the course title are kept as they were printed, so
 * that verification shows what the paper says even after a rename.
 */
@Entity('certificate')
@Index('UQ_certificate_enrollment', ['enrollmentId'], { unique: true })
@Index('UQ_certificate_serial', ['serial'], { unique: true })
@Index('UQ_certificate_verification_code', ['verificationCode'], { unique: true })
@Index('IDX_certificate_officer', ['officerId'])
export class CertificateEntity {
  @UuidPrimaryColumn()
  id: string;

  /** From a sequence: the running number inside the serial. */
  @Column({ type: 'integer' })
  @Generated('increment')
  number: number;

  /** Human-readable: KZ-<year of issue>-<number, six digits or more>. */
  @Column({ type: 'varchar', length: 30 })
  serial: string;

  /** Random, unguessable; printed on the certificate and checked at the public verify route. */
  @Column({ name: 'verification_code', type: 'varchar', length: 32 })
  verificationCode: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @ManyToOne(() => EnrollmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'FK_certificate_enrollment' })
  enrollment?: EnrollmentEntity;

  @Column({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'FK_certificate_officer' })
  officer?: OfficerEntity;

  @Column({ name: 'officer_name', type: 'varchar', length: 300 })
  officerName: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'FK_certificate_course' })
  course?: CourseEntity;

  @Column({ name: 'course_title', type: 'jsonb' })
  courseTitle: LocalizedText;

  @Column({ name: 'course_version_id', type: 'uuid' })
  courseVersionId: string;

  @ManyToOne(() => CourseVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_version_id', foreignKeyConstraintName: 'FK_certificate_course_version' })
  courseVersion?: CourseVersionEntity;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;

  /** The completion's expiry; null: valid without limit. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;
}
