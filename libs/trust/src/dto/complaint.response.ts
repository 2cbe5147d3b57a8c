import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_CATEGORIES, COMPLAINT_OUTCOMES } from '../entities/trust.entities';

export class ComplaintView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'The register’s own number' }) number: string | null;
  @ApiProperty({ example: '2026-04-12' }) receivedOn: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) officerId: string | null;
  @ApiProperty({ type: String, nullable: true }) personnelNumber: string | null;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category: string;
  @ApiProperty({ enum: COMPLAINT_OUTCOMES }) outcome: string;
}

export class RecordedComplaint extends ComplaintView {
  @ApiProperty({ description: 'false when a known register number was replaced' }) created: boolean;
  @ApiProperty({ description: 'Refresher enrolments it created (0 or more)' }) refreshersAssigned: number;
}

export class ComplaintLineError {
  @ApiProperty({ type: 'integer', description: 'Line of the file, the header being 1' }) line: number;
  @ApiProperty({ example: 'unit_code' }) field: string;
  @ApiProperty() message: string;
}

export class ComplaintImportResult {
  @ApiProperty() created: number;
  @ApiProperty({ description: 'Lines whose register number was already known: outcome and details replaced' })
  updated: number;
  @ApiProperty({ description: 'Refresher enrolments the substantiated complaints created' }) refreshersAssigned: number;
  @ApiProperty({ type: [ComplaintLineError] }) errors: ComplaintLineError[];
}

export class RefresherRuleView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() dueInDays: number;
  @ApiProperty() createdAt: Date;
}
