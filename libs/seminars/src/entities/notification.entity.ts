import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidPrimaryColumn } from '@lms/core';
import { OfficerEntity } from '@lms/personnel';

/**
 * A message owed to an officer (a cancelled session, a waitlist promotion),
 * written in the transaction that caused it; the worker delivers it and sets
 * `delivered_at`.
 */
@Entity('notification')
@Index('IDX_notification_officer', ['officerId', 'createdAt'])
@Index('IDX_notification_undelivered', ['createdAt'], { where: '"delivered_at" IS NULL' })
export class NotificationEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'FK_notification_officer' })
  officer?: OfficerEntity;

  @Column({ type: 'varchar', length: 50 })
  kind: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
