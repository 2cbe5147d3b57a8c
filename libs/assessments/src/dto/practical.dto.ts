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

  @ApiPropertyOptional({ description: 'What went well and what to work on' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}
