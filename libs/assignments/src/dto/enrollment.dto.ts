import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CleanText, PageQuery } from '@lms/core';
import { ENROLLMENT_STATUSES, EnrollmentStatus } from '../entities/enrollment.entity';

export class ListEnrollmentsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() officerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() courseId?: string;
  @ApiPropertyOptional({ description: 'The unit and its subtree' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() orderId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ruleId?: string;
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;
  @ApiPropertyOptional({ description: 'Due before this instant' }) @IsOptional() @IsDateString() dueBefore?: string;
  @ApiPropertyOptional({ description: 'Due at or after this instant' }) @IsOptional() @IsDateString() dueAfter?: string;
}

export class ExemptionDto {
  @ApiProperty({ example: 'Completed the equivalent course at the Academy (certificate 17-2026)' })
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

/** HR assigns a course to named officers by hand. */
export class ManualAssignmentDto {
  @ApiProperty() @IsUUID() courseId: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  officerIds: string[];

  @ApiPropertyOptional() @IsOptional() @IsUUID() orderId?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  dueDate?: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(3650) dueInDays?: number;

  @ApiPropertyOptional({
    example: 'Newly appointed to the duty unit',
    description: 'Why the course is assigned by hand; kept in the audit trail',
  })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class MeEnrollmentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;
}
