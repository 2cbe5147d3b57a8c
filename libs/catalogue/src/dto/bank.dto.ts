import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@lms/core';
import { TRAINER_QUALIFICATIONS, type TrainerQualification } from '../entities/programme-rule.entity';

export class ScenarioQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Scenarios of this course' })
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Scenarios that fit this version: of its course, describing only criteria of its rubric',
  })
  @IsOptional()
  @IsUUID()
  courseVersionId?: string;

  @ApiPropertyOptional({ example: 'keeping-promises', description: 'Scenarios that test this trust factor' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,60}$/)
  trustFactor?: string;

  @ApiPropertyOptional({ description: 'Also earlier revisions and scenarios that left the bank' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  includeRetired?: boolean;
}

export class DrillQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Also earlier revisions and drills that left the plan' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  includeRetired?: boolean;
}

export class ProgrammeSeminarRuleDto {
  @ApiPropertyOptional({
    enum: TRAINER_QUALIFICATIONS,
    isArray: true,
    description: 'A trainer needs at least one of these to run the programme’s seminars; empty: no requirement',
  })
  @IsArray()
  @ArrayMaxSize(TRAINER_QUALIFICATIONS.length)
  @IsIn(TRAINER_QUALIFICATIONS, { each: true })
  trainerQualifications: TrainerQualification[];
}
