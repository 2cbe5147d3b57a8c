import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { LocalizedTitleDto, PageQuery } from '@lms/core';
import { DISTRUST_REASONS, OFFICER_QUALITIES, OPINION_SOURCES, SURVEY_TRUST_LEVELS } from '../entities/trust.entities';
import { HumanCheckedSubmission } from './human-check.dto';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class CreateSurveyDto {
  @ApiProperty({ format: 'uuid', description: 'The region (or any unit of your subtree) the survey speaks for' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ type: LocalizedTitleDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedTitleDto)
  title: LocalizedTitleDto;

  @ApiProperty({ example: '2026-03-01', description: 'First day it takes answers (Asia/Almaty)' })
  @Matches(DAY, { message: 'opensOn must be YYYY-MM-DD' })
  opensOn: string;

  @ApiProperty({ example: '2026-03-31', description: 'Last day it takes answers' })
  @Matches(DAY, { message: 'closesOn must be YYYY-MM-DD' })
  closesOn: string;
}

export class ListSurveysQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Surveys of this unit’s subtree' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

/** One anonymous answer to the thesis's questionnaire (public). */
export class SubmitSurveyDto extends HumanCheckedSubmission {
  @ApiProperty({ enum: SURVEY_TRUST_LEVELS, description: 'Do you trust the police?' })
  @IsIn(SURVEY_TRUST_LEVELS)
  trustLevel: (typeof SURVEY_TRUST_LEVELS)[number];

  @ApiPropertyOptional({ enum: DISTRUST_REASONS, isArray: true, description: 'Why not (fully)? Any number' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(DISTRUST_REASONS.length)
  @IsIn(DISTRUST_REASONS, { each: true })
  distrustReasons?: (typeof DISTRUST_REASONS)[number][];

  @ApiPropertyOptional({
    enum: OPINION_SOURCES,
    description: 'Where does your opinion of the police mostly come from? One',
  })
  @IsOptional()
  @IsIn(OPINION_SOURCES)
  opinionSource?: (typeof OPINION_SOURCES)[number];

  @ApiPropertyOptional({
    enum: OFFICER_QUALITIES,
    isArray: true,
    description: 'The qualities of a good officer: up to 3',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(3)
  @IsIn(OFFICER_QUALITIES, { each: true })
  qualities?: (typeof OFFICER_QUALITIES)[number][];
}
