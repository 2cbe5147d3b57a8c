import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidPrimaryColumn } from '@lms/core';
import { UnitEntity } from '@lms/personnel';

/** A ministry order: what training it requires, of whom, by when. Reports are produced per order. */
@Entity('ministry_order')
export class MinistryOrderEntity {
  @UuidPrimaryColumn()
  id: string;

  @Index('UQ_ministry_order_number', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  number: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'issuing_authority', type: 'varchar', length: 300, nullable: true })
  issuingAuthority: string | null;

  /** The subtree the order applies to; who may see and execute it follows from it. */
  @Index('IDX_ministry_order_unit')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_ministry_order_unit' })
  unit?: UnitEntity;

  @Column({ name: 'course_ids', type: 'uuid', array: true, default: () => "'{}'" })
  courseIds: string[];

  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId: string | null;

  /** Who it concerns, in words and filters: { unitIds, serviceTypes, ranks, positions }. */
  @Column({ type: 'jsonb', nullable: true })
  audience: Record<string, unknown> | null;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ name: 'periodicity_months', type: 'integer', nullable: true })
  periodicityMonths: number | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
