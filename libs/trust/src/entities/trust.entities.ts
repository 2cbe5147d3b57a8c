import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UuidPrimaryColumn } from '@lms/core';
import { OfficerEntity, UnitEntity } from '@lms/personnel';

/** An officer's public feedback code: printed on their card and in its QR code. One per officer. */
@Entity('feedback_code')
@Index('UQ_feedback_code_code', ['code'], { unique: true })
export class FeedbackCodeEntity {
  @PrimaryColumn({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'FK_feedback_code_officer' })
  officer?: OfficerEntity;

  /** 10 characters, Crockford base32: short enough to type from the card. */
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * What a citizen said after an encounter. Anonymous: no name, phone or
 * address; the comment is stored with phone numbers and e-mail addresses
 * masked. `repeat_key` is a hash of the day's random salt, the address and
 * the officer: the same address for the same officer on the same day is
 * stored once, and once the salt is gone nobody can tell which address it was.
 */
@Entity('citizen_feedback')
@Index('UQ_citizen_feedback_repeat', ['officerId', 'repeatKey'], { unique: true })
@Index('IDX_citizen_feedback_officer_time', ['officerId', 'submittedAt'])
@Index('IDX_citizen_feedback_unit_time', ['unitId', 'submittedAt'])
@Check(
  'CHK_citizen_feedback_scores',
  `"courtesy" BETWEEN 1 AND 5 AND "clarity" BETWEEN 1 AND 5 AND "fairness" BETWEEN 1 AND 5 AND "trust_change" BETWEEN -1 AND 1`,
)
export class CitizenFeedbackEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'FK_citizen_feedback_officer' })
  officer?: OfficerEntity;

  /** The officer's unit when the feedback came: indicators stay with the unit the encounter was in. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_citizen_feedback_unit' })
  unit?: UnitEntity;

  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  @Column({ type: 'smallint' })
  courtesy: number;

  @Column({ type: 'smallint' })
  clarity: number;

  @Column({ type: 'smallint' })
  fairness: number;

  /** -1 lowered, 0 unchanged, 1 raised the citizen's trust in the police. */
  @Column({ name: 'trust_change', type: 'smallint' })
  trustChange: number;

  /** Masked before storage. */
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Column({ name: 'repeat_key', type: 'char', length: 64 })
  repeatKey: string;
}

/** One random salt per day (Asia/Almaty); deleted after two days, so yesterday's hashes cannot be traced back. */
@Entity('trust_salt')
export class TrustSaltEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'bytea' })
  salt: Buffer;
}

/** Public submissions per hashed address per hour (feedback and surveys alike); rows older than a day are deleted. */
@Entity('trust_address_hit')
export class TrustAddressHitEntity {
  @PrimaryColumn({ name: 'address_key', type: 'char', length: 64 })
  addressKey: string;

  @PrimaryColumn({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer' })
  hits: number;
}

export const SURVEY_TRUST_LEVELS = ['trust', 'partly', 'rather_distrust', 'distrust', 'hard_to_say'] as const;
export type SurveyTrustLevel = (typeof SURVEY_TRUST_LEVELS)[number];
export const DISTRUST_REASONS = [
  'corruption',
  'formalism',
  'bad_experience',
  'punishment',
  'fear',
  'media',
  'never_dealt',
  'protects_state',
  'closed',
  'other',
] as const;
export type DistrustReason = (typeof DISTRUST_REASONS)[number];
export const OPINION_SOURCES = ['tv', 'personal', 'friends_family', 'social_networks', 'other'] as const;
export type OpinionSource = (typeof OPINION_SOURCES)[number];
export const OFFICER_QUALITIES = [
  'educated',
  'patriot',
  'responsible',
  'honest',
  'polite',
  'fair',
  'professional',
] as const;
export type OfficerQuality = (typeof OFFICER_QUALITIES)[number];

/** A population survey a region runs with a public link for a period (the thesis's instrument). */
@Entity('trust_survey')
@Index('UQ_trust_survey_code', ['code'], { unique: true })
@Index('IDX_trust_survey_unit', ['unitId'])
@Check('CHK_trust_survey_period', `"closes_on" >= "opens_on"`)
export class TrustSurveyEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_trust_survey_unit' })
  unit?: UnitEntity;

  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'jsonb' })
  title: { kk: string; ru: string; en?: string };

  /** First and last day it accepts answers (Asia/Almaty). */
  @Column({ name: 'opens_on', type: 'date' })
  opensOn: string;

  @Column({ name: 'closes_on', type: 'date' })
  closesOn: string;

  /** Closed by HR before the end of its period: no answers from then on. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One anonymous answer to a survey; the same address counts once a day (the daily-salted `repeat_key`). */
@Entity('survey_response')
@Index('UQ_survey_response_repeat', ['surveyId', 'repeatKey'], { unique: true })
@Check(
  'CHK_survey_response_trust',
  `"trust_level" IN ('trust', 'partly', 'rather_distrust', 'distrust', 'hard_to_say')`,
)
export class SurveyResponseEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => TrustSurveyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'survey_id', foreignKeyConstraintName: 'FK_survey_response_survey' })
  survey?: TrustSurveyEntity;

  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  @Column({ name: 'trust_level', type: 'varchar', length: 20 })
  trustLevel: SurveyTrustLevel;

  @Column({ name: 'distrust_reasons', type: 'text', array: true, default: () => "'{}'" })
  distrustReasons: DistrustReason[];

  @Column({ name: 'opinion_source', type: 'varchar', length: 20, nullable: true })
  opinionSource: OpinionSource | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  qualities: OfficerQuality[];

  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Column({ name: 'repeat_key', type: 'char', length: 64 })
  repeatKey: string;
}

export const COMPLAINT_CATEGORIES = ['rudeness', 'corruption', 'inaction', 'unlawful_force', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_OUTCOMES = ['substantiated', 'unsubstantiated', 'pending'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/** One line of the complaints register, imported from HR's CSV. */
@Entity('complaint')
@Index('UQ_complaint_number', ['number'], { unique: true, where: '"number" IS NOT NULL' })
@Index('IDX_complaint_unit_date', ['unitId', 'receivedOn'])
@Index('IDX_complaint_officer', ['officerId'])
@Check('CHK_complaint_category', `"category" IN ('rudeness', 'corruption', 'inaction', 'unlawful_force', 'other')`)
@Check('CHK_complaint_outcome', `"outcome" IN ('substantiated', 'unsubstantiated', 'pending')`)
export class ComplaintEntity {
  @UuidPrimaryColumn()
  id: string;

  /** The register's own number, when it has one: importing the same line again updates it. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  number: string | null;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_complaint_unit' })
  unit?: UnitEntity;

  @Column({ name: 'officer_id', type: 'uuid', nullable: true })
  officerId: string | null;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'FK_complaint_officer' })
  officer?: OfficerEntity;

  @Column({ type: 'varchar', length: 20 })
  category: ComplaintCategory;

  @Column({ type: 'varchar', length: 20 })
  outcome: ComplaintOutcome;

  @Column({ name: 'imported_by', type: 'uuid', nullable: true })
  importedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** "A substantiated complaint of category X assigns course Y, due in N days." */
@Entity('refresher_rule')
@Index('UQ_refresher_rule_active', ['category', 'courseId'], { unique: true, where: '"retired_at" IS NULL' })
export class RefresherRuleEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 20 })
  category: ComplaintCategory;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'due_in_days', type: 'integer' })
  dueInDays: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}

/** A refresher rule applied to a complaint: at most once, whatever is imported again. */
@Entity('complaint_refresher')
export class ComplaintRefresherEntity {
  @PrimaryColumn({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'FK_complaint_refresher_complaint' })
  complaint?: ComplaintEntity;

  @PrimaryColumn({ name: 'rule_id', type: 'uuid' })
  ruleId: string;

  @ManyToOne(() => RefresherRuleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rule_id', foreignKeyConstraintName: 'FK_complaint_refresher_rule' })
  rule?: RefresherRuleEntity;

  /** Whether an enrolment was created (false: the officer already had the course open). */
  @Column({ type: 'boolean' })
  enrolled: boolean;

  @CreateDateColumn({ name: 'applied_at', type: 'timestamptz' })
  appliedAt: Date;
}
