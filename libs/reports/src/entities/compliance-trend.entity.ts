import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidPrimaryColumn } from '@lms/core';
import { UnitEntity } from '@lms/personnel';

/**
 * Compliance of one region (a unit under the root) at the end of a month,
 * kept for trend charts: written once per region and month by the monthly
 * sweep, never changed (a month's figure is what it was at its end).
 */
@Entity('compliance_trend')
@Index('UQ_compliance_trend_unit_period', ['unitId', 'period'], { unique: true })
export class ComplianceTrendEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_compliance_trend_unit' })
  unit?: UnitEntity;

  /** The month, as its first day. */
  @Column({ type: 'date' })
  period: string;

  /** The instant counted: the end of the month in the root's time zone. */
  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf: Date;

  @Column({ name: 'in_audience', type: 'integer' }) inAudience: number;
  @Column({ type: 'integer' }) completed: number;
  @Column({ name: 'in_progress', type: 'integer' }) inProgress: number;
  @Column({ name: 'not_started', type: 'integer' }) notStarted: number;
  @Column({ type: 'integer' }) overdue: number;
  @Column({ type: 'integer' }) exempted: number;

  @Column({ name: 'completion_percent', type: 'numeric', precision: 5, scale: 1, nullable: true })
  completionPercent: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
