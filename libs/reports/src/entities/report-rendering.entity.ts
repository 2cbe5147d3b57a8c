import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidPrimaryColumn } from '@lms/core';
import { ReportSnapshotEntity } from './report-snapshot.entity';

export const RENDERING_FORMATS = ['pdf', 'csv', 'xlsx', 'html'] as const;
export type RenderingFormat = (typeof RENDERING_FORMATS)[number];

/**
 * A frozen report as a file, kept as the bytes first served: every later
 * download of that format and language is these bytes, and `sha256` is what
 * verification compares them with. Append-only, like the snapshot
 * (migration ReportRenderings).
 */
@Entity('report_rendering')
@Index('UQ_report_rendering', ['snapshotId', 'format', 'language'], { unique: true })
@Check('CHK_report_rendering_format', `"format" IN ('pdf', 'csv', 'xlsx', 'html')`)
@Check('CHK_report_rendering_language', `"language" IN ('kk', 'ru', 'en')`)
@Check('CHK_report_rendering_sha256', `"sha256" ~ '^[0-9a-f]{64}$'`)
export class ReportRenderingEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'snapshot_id', type: 'uuid' })
  snapshotId: string;

  @ManyToOne(() => ReportSnapshotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'snapshot_id', foreignKeyConstraintName: 'FK_report_rendering_snapshot' })
  snapshot?: ReportSnapshotEntity;

  @Column({ type: 'varchar', length: 8 })
  format: RenderingFormat;

  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
