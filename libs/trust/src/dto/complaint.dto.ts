import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '@lms/core';
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
