import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { LocalizedText, UuidPrimaryColumn } from '@lms/core';
import { ProgrammeEntity } from './programme.entity';

/** A lesson of a course that a drill practises (1-based). */
export interface DrillLesson {
  courseCode: string;
  lesson: number;
}

/**
 * One revision of a short drill (10–15 minutes) that a unit head runs with the
 * shift in the weekly service training. Never changed: new content is a new
 * revision and the one before is retired, so a recorded drill session keeps
 * pointing at what was drilled.
 */
@Entity('drill')
@Index('UQ_drill_code_revision', ['code', 'revision'], { unique: true })
@Index('UQ_drill_current', ['code'], { unique: true, where: 'retired_at IS NULL' })
export class DrillEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'jsonb' })
  situation: LocalizedText;

  @Column({ name: 'discussion_points', type: 'jsonb' })
  discussionPoints: LocalizedText[];

  @Column({ name: 'right_conduct', type: 'jsonb' })
  rightConduct: LocalizedText[];

  @Column({ type: 'jsonb' })
  lessons: DrillLesson[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}

/** A week of a drill plan and the drill (by code: the current revision) run in it. */
export interface DrillPlanWeek {
  week: number;
  drillCode: string;
}

/** A sequence of weekly drills, one a week, that can be assigned to units from a given week. */
@Entity('drill_plan')
export class DrillPlanEntity {
  @UuidPrimaryColumn()
  id: string;

  @Index('UQ_drill_plan_code', { unique: true })
  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId: string | null;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_drill_plan_programme' })
  programme?: ProgrammeEntity;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  description: LocalizedText | null;

  /** Weeks 1..N in order. */
  @Column({ type: 'jsonb' })
  weeks: DrillPlanWeek[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
