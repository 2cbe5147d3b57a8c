import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidPrimaryColumn } from '@lms/core';
import type { VersionContent } from '../services/version-content';
import { CourseEntity } from './course.entity';

export const VERSION_STATUSES = ['draft', 'published', 'archived'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/**
 * One version of a course's content. A draft is edited; a published version
 * never changes again (enrolments pin it); publishing a newer one archives it.
 */
@Entity('course_version')
@Index('UQ_course_version_number', ['courseId', 'number'], { unique: true })
@Index('UQ_course_version_one_draft', ['courseId'], { unique: true, where: `"status" = 'draft'` })
@Check('CHK_course_version_status', `"status" IN ('draft', 'published', 'archived')`)
export class CourseVersionEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'FK_course_version_course' })
  course?: CourseEntity;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: VersionStatus;

  @Column({ type: 'jsonb' })
  content: VersionContent;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
