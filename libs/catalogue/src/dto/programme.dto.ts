import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { CleanText, LocalizedTitleDto } from '@lms/core';
import { COURSE_CODE } from './course.dto';
import { DraftTextDto } from './version-content.dto';

export class CreateProgrammeDto {
  @ApiProperty({ example: 'MVD-COMM-2026' })
  @CleanText()
  @IsString()
  @Matches(COURSE_CODE, { message: 'code must be 1-50 Latin letters, digits, dot, dash or underscore' })
  code: string;

  @ApiProperty({ type: LocalizedTitleDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedTitleDto)
  title: LocalizedTitleDto;

  @ApiPropertyOptional({ type: DraftTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DraftTextDto)
  description?: DraftTextDto;

  @ApiProperty({ description: 'The courses, in order' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  courseIds: string[];
}

export class UpdateProgrammeDto {
  @ApiPropertyOptional({ type: LocalizedTitleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTitleDto)
  title?: LocalizedTitleDto;

  @ApiPropertyOptional({ type: DraftTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DraftTextDto)
  description?: DraftTextDto;

  @ApiPropertyOptional({ description: 'The courses, in order (replaces the list)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  courseIds?: string[];
}

export class ProgrammeGrantDto {
  @ApiProperty({ description: 'A user (trainer) who may change the programme' })
  @IsUUID()
  userId: string;
}
