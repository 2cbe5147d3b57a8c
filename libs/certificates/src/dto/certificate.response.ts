import { ApiProperty } from '@nestjs/swagger';
import { LocalizedTitleDto } from '@lms/core';

export class CertificateView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KZ-2026-000017' }) serial: string;
  @ApiProperty({ description: '16 characters, Crockford base32' }) verificationCode: string;
  @ApiProperty({ example: '/api/v1/certificates/verify/7K2M9Q4TXW8H3N5R', description: 'Where anyone checks it' })
  verifyPath: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ format: 'uuid' }) officerId: string;
  @ApiProperty({ description: 'As printed' }) officerName: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ type: LocalizedTitleDto, description: 'As printed' }) courseTitle: LocalizedTitleDto;
  @ApiProperty({ format: 'uuid' }) courseVersionId: string;
  @ApiProperty() issuedAt: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'null: never expires' }) expiresAt: Date | null;
  @ApiProperty({ description: 'Not expired' }) valid: boolean;
}

/**
 * What a verification code shows. An unknown or malformed code answers the
 * same way (`status: unknown`, no details): the route is no oracle beyond what a real code shows.
 */
export class Verification {
  @ApiProperty() valid: boolean;
  @ApiProperty({ enum: ['valid', 'expired', 'unknown'] }) status: 'valid' | 'expired' | 'unknown';
  @ApiProperty({ type: String, nullable: true }) serial: string | null;
  @ApiProperty({ type: String, nullable: true }) officerName: string | null;
  @ApiProperty({ type: LocalizedTitleDto, nullable: true }) courseTitle: LocalizedTitleDto | null;
  @ApiProperty({ type: Date, nullable: true }) issuedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) expiresAt: Date | null;
}
