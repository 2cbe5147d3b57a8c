import { LocalizedText, UuidPrimaryColumn } from '@lms/core';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';

/**
 * A node of the organisation tree. `path` is the materialised path of ids
 * ("/<root>/<child>/.../<self>/"), so a subtree is one indexed prefix match.
 */
@Entity('unit')
@Check('CHK_unit_names', `jsonb_typeof("names") = 'object'`)
export class UnitEntity {
  @UuidPrimaryColumn()
  id: string;

  @Index('UQ_unit_code', { unique: true })
  @Index('UQ_unit_code_ci', { synchronize: false }) // unique on lower(code), by migration: codes differ by more than case
  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** The name in each language (`{}` until someone gives them); `name` is the fallback. */
  @Column({ type: 'jsonb', default: {} })
  names: Partial<LocalizedText>;

  @Index('IDX_unit_parent')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_unit_parent' })
  parent?: UnitEntity;

  /** Indexed with text_pattern_ops (by migration) for prefix matches. */
  @Index('IDX_unit_path_prefix', { synchronize: false })
  @Column({ type: 'text' })
  path: string;

  @Column({ type: 'varchar', length: 64, default: 'Asia/Almaty' })
  timezone: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
