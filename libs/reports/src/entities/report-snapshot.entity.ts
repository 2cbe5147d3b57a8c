import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidPrimaryColumn } from '@lms/core';
import { UnitEntity } from '@lms/personnel';

export const SNAPSHOT_KINDS = ['order-execution'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

/**
 * A report frozen at a moment, as handed to the ministry. `content_text` is
 * the exact canonical JSON that was hashed into `sha256`; `content` is the same
 * document as jsonb for queries. Append-only: a trigger refuses UPDATE, DELETE
 * and TRUNCATE (migration ReportSnapshotAppendOnly).
 */
@Entity('report_snapshot')
@Index('IDX_report_snapshot_order', ['orderId', 'createdAt'])
@Check('CHK_report_snapshot_kind', `"kind" IN ('order-execution')`)
@Check('CHK_report_snapshot_sha256', `"sha256" ~ '^[0-9a-f]{64}$'`)
export class ReportSnapshotEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: SnapshotKind;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  // By entity name: assignments exports its tables' entities only as a list.
  @ManyToOne('MinistryOrderEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'FK_report_snapshot_order' })
  order?: unknown;

  /** The unit whose subtree the report covers; scope checks follow it. */
  @Index('IDX_report_snapshot_unit')
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_report_snapshot_unit' })
  unit?: UnitEntity;

  /** What it was asked for: order, unit, asOf, courses. */
  @Column({ type: 'jsonb' })
  parameters: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @Column({ name: 'content_text', type: 'text' })
  contentText: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** What the document prints for checking it without an account; null for snapshots made before it existed. */
  @Index('UQ_report_snapshot_verification_code', { unique: true })
  @Column({ name: 'verification_code', type: 'varchar', length: 24, nullable: true })
  verificationCode: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
