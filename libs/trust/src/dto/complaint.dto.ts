import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CleanText, PageQuery } from '@lms/core';
import { COMPLAINT_CATEGORIES, COMPLAINT_OUTCOMES } from '../entities/trust.entities';

export class CreateRefresherRuleDto {
  @ApiProperty({ enum: COMPLAINT_CATEGORIES, description: 'A substantiated complaint of this category…' })
  @IsIn(COMPLAINT_CATEGORIES)
  category: (typeof COMPLAINT_CATEGORIES)[number];

  @ApiProperty({ format: 'uuid', description: '…assigns this course (one with a role-play re-assessment)…' })
  @IsUUID()
  courseId: string;

  @ApiProperty({ minimum: 1, maximum: 365, description: '…due in this many days' })
  @IsInt()
  @Min(1)
  @Max(365)
  dueInDays: number;
}

export class ListComplaintsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() officerId?: string;
  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES }) @IsOptional() @IsIn(COMPLAINT_CATEGORIES) category?: string;
  @ApiPropertyOptional({ enum: COMPLAINT_OUTCOMES }) @IsOptional() @IsIn(COMPLAINT_OUTCOMES) outcome?: string;
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be YYYY-MM-DD' })
  to?: string;
}

/** One complaint of the register, as HR records it by hand: the columns of the CSV import. */
export class RecordComplaintDto {
  @ApiPropertyOptional({ maxLength: 60, description: 'The register’s own number; a known number is replaced' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(60)
  number?: string;

  @ApiProperty({ example: '2026-04-12', description: 'The day it was received' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'date must be a real day' })
  date: string;

  @ApiProperty({ example: 'ALM-01', description: 'The unit’s code, in your subtrees' })
  @CleanText()
  @IsString()
  @MaxLength(60)
  unitCode: string;

  @ApiPropertyOptional({ description: 'The officer’s personnel number, when known (in your subtrees)' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(60)
  personnelNumber?: string;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES)
  category: (typeof COMPLAINT_CATEGORIES)[number];

  @ApiProperty({ enum: COMPLAINT_OUTCOMES })
  @IsIn(COMPLAINT_OUTCOMES)
  outcome: (typeof COMPLAINT_OUTCOMES)[number];
}
