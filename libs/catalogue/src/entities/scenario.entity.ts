import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LocalizedText, UuidPrimaryColumn } from '@lms/core';
import { CourseEntity } from './course.entity';

/** A score band of a rubric criterion (0–2 below, 3–4 meets, 5 exemplary), as the scenario bank names it. */
@Entity('scenario_level')
export class ScenarioLevelEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'min_score', type: 'integer' })
  minScore: number;

  @Column({ name: 'max_score', type: 'integer' })
  maxScore: number;

  @Column({ type: 'jsonb' })
  title: LocalizedText;
}

/** A factor of the thesis's Table 2 that builds or destroys trust; scenarios name the ones they test. */
@Entity('scenario_trust_factor')
export class ScenarioTrustFactorEntity {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  code: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 10 })
  effect: 'builds' | 'destroys';

  @Column({ type: 'jsonb' })
  title: LocalizedText;
}

/** A behaviour that fails a role-play whatever its scores (humiliation, an unlawful threat, a bribe taken...). */
@Entity('scenario_auto_fail_behaviour')
export class ScenarioAutoFailBehaviourEntity {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  code: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'jsonb' })
  title: LocalizedText;
}

/** What a scenario says for one rubric criterion at one score band. */
export interface ScenarioDescriptor {
  criterionId: string;
  level: string;
  text: LocalizedText;
}

/**
 * One revision of a role-play scenario of a course. A revision is never
 * changed: new content is a new revision, and the one before is retired, so a
 * practical assessment keeps pointing at the scenario as it was played.
 */
@Entity('scenario')
@Index('UQ_scenario_code_revision', ['code', 'revision'], { unique: true })
@Index('UQ_scenario_current', ['code'], { unique: true, where: 'retired_at IS NULL' })
@Index('IDX_scenario_course', ['courseId'])
export class ScenarioEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'FK_scenario_course' })
  course?: CourseEntity;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'jsonb' })
  setting: LocalizedText;

  @Column({ name: 'citizen_brief', type: 'jsonb' })
  citizenBrief: LocalizedText;

  @Column({ name: 'officer_brief', type: 'jsonb' })
  officerBrief: LocalizedText;

  /** Codes of `scenario_trust_factor`. */
  @Column({ name: 'trust_factors', type: 'jsonb' })
  trustFactors: string[];

  /** Codes of `scenario_auto_fail_behaviour`. */
  @Column({ name: 'auto_fail', type: 'jsonb' })
  autoFail: string[];

  /** One per rubric criterion and level, in rubric order. */
  @Column({ type: 'jsonb' })
  descriptors: ScenarioDescriptor[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
