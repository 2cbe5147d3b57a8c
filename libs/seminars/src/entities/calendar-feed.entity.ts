import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidPrimaryColumn } from '@lms/core';
import { UserAccountEntity } from '@lms/identity';

/**
 * A secret calendar URL a user gave to their calendar app. Only the SHA-256
 * of its token is kept: the URL is shown once, at creation. Revoked feeds
 * answer 404.
 */
@Entity('calendar_feed')
@Index('IDX_calendar_feed_user', ['userId'])
export class CalendarFeedEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_calendar_feed_user' })
  user?: UserAccountEntity;

  @Index('UQ_calendar_feed_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_read_at', type: 'timestamptz', nullable: true })
  lastReadAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
