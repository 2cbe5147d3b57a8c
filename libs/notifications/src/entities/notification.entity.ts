import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidPrimaryColumn } from '@lms/core';
import { UserAccountEntity } from '@lms/identity';
import { OfficerEntity, UnitEntity } from '@lms/personnel';

export const EMAIL_STATUSES = ['pending', 'sent', 'logged', 'no-address'] as const;
/**
 * pending: an e-mail job is queued; sent: the SMTP server accepted it;
 * logged: no SMTP server is configured, it went to the log; no-address: the
 * recipient has no e-mail address (the inbox still has it).
 */
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * Something the system told a user: their inbox row, and the record of its
 * e-mail. Addressed to an officer (whoever holds their account, now or
 * later) or to a user account (trainers, HR). Written once: the idempotency
 * key names the event (`enrollment.due-soon:<id>:<days>:<due date>`), and a
 * second write of the same event is a no-op, however often a job runs.
 */
@Entity('notification')
@Index('IDX_notification_officer', ['officerId', 'createdAt'])
@Index('IDX_notification_user', ['userId', 'createdAt'])
@Index('IDX_notification_unit', ['unitId', 'createdAt'])
@Check('CHK_notification_recipient', `"officer_id" IS NOT NULL OR "user_id" IS NOT NULL`)
@Check('CHK_notification_email_status', `"email_status" IN ('pending', 'sent', 'logged', 'no-address')`)
export class NotificationEntity {
  @UuidPrimaryColumn()
  id: string;

  @Index('UQ_notification_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  @Column({ name: 'officer_id', type: 'uuid', nullable: true })
  officerId: string | null;

  @ManyToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'FK_notification_officer' })
  officer?: OfficerEntity;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notification_user' })
  user?: UserAccountEntity;

  /** The unit it concerns (the officer's at the time, the session's, HR's): HR sees its subtree's. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_notification_unit' })
  unit?: UnitEntity;

  @Column({ type: 'varchar', length: 50 })
  kind: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ name: 'email_status', type: 'varchar', length: 20, default: 'pending' })
  emailStatus: EmailStatus;

  /** The address it was sent to. */
  @Column({ name: 'email_to', type: 'varchar', length: 254, nullable: true })
  emailTo: string | null;

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt: Date | null;
}
