import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CleanText } from '@lms/core';

export class CriterionScoreDto {
  @ApiProperty() @IsUUID() criterionId: string;

  @ApiProperty({ description: 'From 0 to the criterion’s maxScore' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  score: number;
}

export class PracticalAssessmentDto {
  @ApiProperty({ type: [CriterionScoreDto], description: 'Every criterion of the rubric, once' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  scores: CriterionScoreDto[];

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The scenario played (`GET /scenarios?courseVersionId=`): of the enrolment’s course, fitting its rubric',
  })
  @IsOptional()
  @IsUUID()
  scenarioId?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['bribe-accepted'],
    description:
      'Automatic-fail behaviours the trainer saw (the scenario bank’s codes): any one fails the role-play whatever the scores',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9-]{1,60}$/, { each: true })
  autoFail?: string[];

  @ApiPropertyOptional({ description: 'What went well and what to work on' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}
