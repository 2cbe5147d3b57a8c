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
import { CourseEntity } from './course.entity';

/** An ordered set of courses: the seminar programme a ministry order can name whole. */
@Entity('programme')
export class ProgrammeEntity {
  @UuidPrimaryColumn()
  id: string;

  @Index('UQ_programme_code', { unique: true })
  @Index('UQ_programme_code_ci', { synchronize: false }) // unique on lower(code), by migration: codes differ by more than case
  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  description: Partial<LocalizedText> | null;

  /** The trainer who created it; authoring is theirs, granted users' and national admins'. Null: national admins only. */
  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('programme_course')
@Index('UQ_programme_course_position', ['programmeId', 'position'], { unique: true })
export class ProgrammeCourseEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ type: 'integer' })
  position: number;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_programme_course_programme' })
  programme?: ProgrammeEntity;

  @ManyToOne(() => CourseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'FK_programme_course_course' })
  course?: CourseEntity;
}

/** Another user allowed to author the programme (its title, description and course list). */
@Entity('programme_grant')
export class ProgrammeGrantEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'uuid', primaryKeyConstraintName: 'PK_programme_grant' })
  programmeId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_programme_grant' })
  userId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_programme_grant_programme' })
  programme?: ProgrammeEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
