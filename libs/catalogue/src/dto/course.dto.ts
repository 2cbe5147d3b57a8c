import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CleanText, LocalizedTitleDto, PageQuery } from '@lms/core';
import { DraftTextDto, VersionContentDto } from './version-content.dto';

/** Codes keep the case they are given; uniqueness ignores case (a unique index on lower(code)). */
export const COURSE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;

export class CreateCourseDto {
  @ApiProperty({ example: 'CONFLICT-DEESC' })
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
}

export class UpdateCourseDto {
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

  @ApiPropertyOptional({
    type: [Number],
    nullable: true,
    example: [14, 3],
    description: 'Days before a due date when officers are reminded; null: the global setting',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  reminderDays?: number[] | null;
}

export class ListCoursesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the code or title' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class GrantDto {
  @ApiProperty({ description: 'A user (trainer) who may author the course' })
  @IsUUID()
  userId: string;
}

export class DiffQuery {
  @ApiProperty({ description: 'The version to compare against (the older one)' })
  @IsUUID()
  against: string;
}

/** One course version as a portable document (`GET .../export`, `POST /courses/import`). */
export class CourseDocumentDto {
  @ApiProperty({ enum: ['lms-course-version/1'] })
  @IsIn(['lms-course-version/1'])
  format: 'lms-course-version/1';

  @ApiProperty({ type: CreateCourseDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CreateCourseDto)
  course: CreateCourseDto;

  @ApiProperty({ type: VersionContentDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => VersionContentDto)
  version: VersionContentDto;
}

export class ImportQuery {
  @ApiPropertyOptional({
    description: 'Publish the imported version at once (it must be complete)',
    enum: ['true', 'false'],
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  publish?: 'true' | 'false';
}
