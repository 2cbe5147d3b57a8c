import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only history of every change. Each row carries the HMAC-SHA256 (a
 * key outside the database; plain SHA-256 for rows older than the key) of its
 * content chained to the previous row's hash, so an edited or deleted row
 * breaks the chain (`npm run audit:verify`). A trigger refuses UPDATE/DELETE,
 * and the application's role may only SELECT and INSERT.
 */
@Entity('audit_event')
@Index('IDX_audit_event_entity', ['entityType', 'entityId'])
@Index('IDX_audit_event_actor', ['actorId'])
@Index('IDX_audit_event_occurred_at', ['occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Index('UQ_audit_event_id', { unique: true })
  @Column({ type: 'uuid', generated: 'uuid' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 100, nullable: true })
  actorName: string | null;

  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 50 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 100, nullable: true })
  entityId: string | null;

  /** Unit whose subtree the event belongs to, for HR's scoped view. */
  @Column({ name: 'unit_path', type: 'text', nullable: true })
  unitPath: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true })
  requestId: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: true })
  prevHash: string | null;

  @Column({ type: 'char', length: 64 })
  hash: string;

  /** Hashed with HMAC-SHA256 under the chain key (false: plain SHA-256, written before the chain was keyed). */
  @Column({ type: 'boolean', default: false })
  keyed: boolean;
}
