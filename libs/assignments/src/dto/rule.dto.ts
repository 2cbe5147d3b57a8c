import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@lms/core';
import { AudienceDto } from './order.dto';

export class CreateRuleDto {
  @ApiPropertyOptional({ description: 'The course (or give programmeId)' })
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @ApiPropertyOptional({ description: 'Every course of the programme' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ description: 'The order this rule executes' })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiProperty({ type: AudienceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => AudienceDto)
  audience: AudienceDto;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Fixed due date (or dueInDays)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  dueDate?: string;

  @ApiPropertyOptional({ description: 'Due this many days after each officer is assigned' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  dueInDays?: number;

  @ApiPropertyOptional({
    description:
      'Enrol again for a new cycle when a completion stops being valid; how long that is: the version’s validityMonths, or validityMonths here, or else these N months',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  recurrenceMonths?: number;

  @ApiPropertyOptional({
    description: 'How long a completion under this rule stays valid, instead of the course version’s validityMonths',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  validityMonths?: number;
}

export class ListRulesQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() orderId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() courseId?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Include retired rules' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRetired?: 'true' | 'false';
}
