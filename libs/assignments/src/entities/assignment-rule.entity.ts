import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidPrimaryColumn } from '@lms/core';
import { MinistryOrderEntity } from './ministry-order.entity';

/**
 * Course(s) + audience + due policy (+ recurrence), executing an order. Keeps
 * enrolling officers who come to match it until it is retired.
 */
@Entity('assignment_rule')
@Check('CHK_assignment_rule_validity_months', `"validity_months" BETWEEN 1 AND 240`)
@Index('UQ_assignment_rule_active_fingerprint', ['fingerprint'], { unique: true, where: '"retired_at" IS NULL' })
export class AssignmentRuleEntity {
  @UuidPrimaryColumn()
  id: string;

  /** The course, or the programme's courses as they were when the rule was made. */
  @Column({ name: 'course_ids', type: 'uuid', array: true })
  courseIds: string[];

  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId: string | null;

  @Index('IDX_assignment_rule_order')
  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @ManyToOne(() => MinistryOrderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'FK_assignment_rule_order' })
  order?: MinistryOrderEntity;

  /** Audience: empty arrays mean "any". Units mean their whole subtrees. */
  @Column({ name: 'unit_ids', type: 'uuid', array: true, default: () => "'{}'" })
  unitIds: string[];

  @Column({ name: 'service_types', type: 'text', array: true, default: () => "'{}'" })
  serviceTypes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  ranks: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  positions: string[];

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ name: 'due_in_days', type: 'integer', nullable: true })
  dueInDays: number | null;

  @Column({ name: 'recurrence_months', type: 'integer', nullable: true })
  recurrenceMonths: number | null;

  /** How long a completion under this rule stays valid, instead of the course version's `validityMonths`. */
  @Column({ name: 'validity_months', type: 'integer', nullable: true })
  validityMonths: number | null;

  /** SHA-256 of the definition: the same active rule cannot exist twice. */
  @Column({ type: 'char', length: 64 })
  fingerprint: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @Column({ name: 'retired_by', type: 'uuid', nullable: true })
  retiredBy: string | null;
}
