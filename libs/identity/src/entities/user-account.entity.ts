import { UuidPrimaryColumn } from '@lms/core';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, UpdateDateColumn } from 'typeorm';
import { OfficerEntity } from '@lms/personnel';

/** A login. Officers may have one, linked to their personnel record. */
@Entity('user_account')
@Check('CHK_user_account_language', `"language" IN ('kk', 'ru', 'en')`)
export class UserAccountEntity {
  @UuidPrimaryColumn()
  id: string;

  /** Stored lower-case and NFKC-normalised, so look-alike spellings collide. */
  @Index('UQ_user_account_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  @Index('UQ_user_account_officer', { unique: true, where: '"officer_id" IS NOT NULL' })
  @Column({ name: 'officer_id', type: 'uuid', nullable: true })
  officerId: string | null;

  @OneToOne(() => OfficerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'FK_user_account_officer' })
  officer?: OfficerEntity;

  /** Where notifications are e-mailed; optional, set by the user or HR. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** Bumped on password change or disable: tokens carrying an older value stop working. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  /** Sealed with AES-256-GCM (TotpSecrets), never the base32 secret itself. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true })
  totpSecret: string | null;

  @Column({ name: 'totp_enabled', type: 'boolean', default: false })
  totpEnabled: boolean;

  /** The last TOTP time step accepted: a code is good once. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep: string | null;

  /** The name shown for staff without a personnel record (an officer's name comes from that record). */
  @Column({ name: 'display_name', type: 'varchar', length: 200, nullable: true })
  displayName: string | null;

  /** The language the user chose (pages, notifications); null: the officer's language, else the browser's (Russian in e-mails). */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language: string | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
