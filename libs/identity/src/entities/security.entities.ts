import { UuidPrimaryColumn } from '@lms/core';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Tokens signed out before they expire. Rows past `expires_at` may be purged. */
@Entity('revoked_token')
export class RevokedTokenEntity {
  @PrimaryColumn({ type: 'uuid' })
  jti: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}

/** Every login attempt, for lockout by username and throttling by address. */
@Entity('login_attempt')
@Index('IDX_login_attempt_username', ['username', 'at'])
@Index('IDX_login_attempt_ip', ['ip', 'at'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 64 })
  ip: string;

  @Column({ type: 'boolean' })
  succeeded: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}

/** One-time recovery codes for the second factor, stored hashed. */
@Entity('recovery_code')
export class RecoveryCodeEntity {
  @UuidPrimaryColumn()
  id: string;

  @Index('IDX_recovery_code_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'code_hash', type: 'text' })
  codeHash: string;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}

/** Per-role security policy set by admins: is a second factor required? */
@Entity('role_policy')
export class RolePolicyEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  role: string;

  @Column({ name: 'mfa_required', type: 'boolean' })
  mfaRequired: boolean;
}
