import { ApiProperty } from '@nestjs/swagger';

/** One event of the audit trail, as `GET /audit` lists it. */
export class AuditView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', description: 'Position in the hash chain' }) seq: number;
  @ApiProperty() occurredAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the system' })
  actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ example: 'enrollment.exempt' }) action: string;
  @ApiProperty({ example: 'enrollment' }) entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ nullable: true, description: 'The record before the change (free-form JSON)' }) before: unknown;
  @ApiProperty({ nullable: true, description: 'The record after the change (free-form JSON)' }) after: unknown;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ description: 'SHA-256 of the event chained to the previous one' }) hash: string;
}
