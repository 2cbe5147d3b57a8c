import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { LocalizedText, UuidPrimaryColumn } from '@lms/core';

/** A module of the programme. Its content lives in versions. */
@Entity('course')
export class CourseEntity {
  @UuidPrimaryColumn()
  id: string;

  @Index('UQ_course_code', { unique: true })
  @Index('UQ_course_code_ci', { synchronize: false }) // unique on lower(code), by migration: codes differ by more than case
  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  description: Partial<LocalizedText> | null;

  /** Days before a due date when officers are reminded (largest first); null: the global REMINDER_DAYS_BEFORE. */
  @Column({ name: 'reminder_days', type: 'integer', array: true, nullable: true })
  reminderDays: number[] | null;

  /** The trainer who created it; authoring is theirs, granted users' and admins'. */
  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Another user allowed to author the course. */
@Entity('course_grant')
export class CourseGrantEntity {
  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'FK_course_grant_course' })
  course?: CourseEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
