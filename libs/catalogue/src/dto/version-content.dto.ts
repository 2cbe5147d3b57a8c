import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CleanText } from '@lms/core';

/**
 * Drafts may be incomplete, so every language is optional here; publishing
 * checks that what officers read exists in Kazakh and Russian.
 */
export class DraftTextDto {
  @ApiPropertyOptional() @IsOptional() @CleanText() @IsString() @MaxLength(2000) kk?: string;
  @ApiPropertyOptional() @IsOptional() @CleanText() @IsString() @MaxLength(2000) ru?: string;
  @ApiPropertyOptional() @IsOptional() @CleanText() @IsString() @MaxLength(2000) en?: string;
}

/** Lesson bodies are Markdown and may be long; not trimmed, as leading spaces can mean something there. */
export class DraftBodyDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100_000) kk?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100_000) ru?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100_000) en?: string;
}

export class AttachmentRefDto {
  @ApiProperty({ enum: ['file', 'link'] })
  @IsIn(['file', 'link'])
  kind: 'file' | 'link';

  @ApiPropertyOptional({ description: 'An uploaded file (kind file)' })
  @ValidateIf((o: AttachmentRefDto) => o.kind === 'file')
  @IsUUID()
  attachmentId?: string;

  @ApiPropertyOptional({ description: 'A video or page link (kind link): https only' })
  @ValidateIf((o: AttachmentRefDto) => o.kind === 'link')
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ type: DraftTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DraftTextDto)
  title?: DraftTextDto;
}

export class LessonDto {
  /** Sent back as read (`GET` gives it): accepted and ignored, it is derived from `body`. */
  @ApiPropertyOptional({ type: () => DraftTextDto, readOnly: true })
  @Allow()
  bodyHtml?: unknown;

  @ApiPropertyOptional({ description: 'Kept when given, so versions can be compared lesson by lesson' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ type: DraftTextDto }) @IsDefined() @ValidateNested() @Type(() => DraftTextDto) title: DraftTextDto;
  @ApiProperty({ type: DraftBodyDto }) @IsDefined() @ValidateNested() @Type(() => DraftBodyDto) body: DraftBodyDto;

  @ApiPropertyOptional({ minimum: 1, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes?: number;

  @ApiPropertyOptional({ type: [AttachmentRefDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentRefDto)
  attachments?: AttachmentRefDto[];
}

export class OptionDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() id?: string;
  @ApiProperty({ type: DraftTextDto }) @IsDefined() @ValidateNested() @Type(() => DraftTextDto) text: DraftTextDto;
  @ApiProperty() @IsBoolean() correct: boolean;
}

export class QuestionDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() id?: string;
  @ApiProperty({ type: DraftTextDto }) @IsDefined() @ValidateNested() @Type(() => DraftTextDto) text: DraftTextDto;

  @ApiPropertyOptional({ description: 'Several options may be correct', default: false })
  @IsOptional()
  @IsBoolean()
  multiple?: boolean;

  @ApiProperty({ type: [OptionDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => OptionDto)
  options: OptionDto[];

  @ApiPropertyOptional({ type: DraftTextDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DraftTextDto)
  explanation?: DraftTextDto;
}

export class QuizDto {
  @ApiProperty({ type: [QuestionDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions: QuestionDto[];

  @ApiProperty({ description: 'Questions drawn for each attempt' }) @IsInt() @Min(1) @Max(200) drawCount: number;
  @ApiProperty({ description: 'Percent to pass' }) @IsInt() @Min(1) @Max(100) passMark: number;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'null: no time limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  timeLimitMinutes?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'Attempts allowed per version; null: unlimited',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxAttempts?: number | null;
}

export class CriterionDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() id?: string;
  @ApiProperty({ type: DraftTextDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => DraftTextDto)
  description: DraftTextDto;
  @ApiProperty({ description: 'Share of the total, in percent; the weights sum to 100' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(100)
  weight: number;
  @ApiProperty({ description: 'Scores run from 0 to this' }) @IsInt() @Min(1) @Max(100) maxScore: number;
}

export class RubricDto {
  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria: CriterionDto[];

  @ApiProperty({ description: 'Percent of the weighted maximum needed to pass' })
  @IsInt()
  @Min(1)
  @Max(100)
  passThreshold: number;
}

export class SeminarDto {
  @ApiProperty() @IsBoolean() required: boolean;
  @ApiProperty({ description: 'Hours credited for attending' })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(200)
  hours: number;
}

export class CompletionRuleDto {
  @ApiProperty() @IsBoolean() lessonsRead: boolean;
  @ApiProperty() @IsBoolean() quizPassed: boolean;
  @ApiProperty() @IsBoolean() practicalPassed: boolean;
  @ApiProperty() @IsBoolean() seminarAttended: boolean;
}

/**
 * The editable content of a version; every part optional in a PATCH. A
 * client may send back a version as it read it: the read-only fields are
 * accepted and ignored.
 */
export class VersionContentDto {
  @Allow() @ApiPropertyOptional({ readOnly: true, type: String, format: 'uuid' }) id?: unknown;
  @Allow() @ApiPropertyOptional({ readOnly: true, type: String, format: 'uuid' }) courseId?: unknown;
  @Allow() @ApiPropertyOptional({ readOnly: true, type: String }) courseCode?: unknown;
  @Allow() @ApiPropertyOptional({ readOnly: true, type: () => DraftTextDto }) courseTitle?: unknown;
  @Allow() @ApiPropertyOptional({ readOnly: true, type: 'integer' }) number?: unknown;
  @Allow() @ApiPropertyOptional({ readOnly: true, type: String }) status?: unknown;
  @Allow() @ApiPropertyOptional({ readOnly: true, type: String, nullable: true }) createdBy?: unknown;
  @Allow() @ApiPropertyOptional({ readOnly: true, type: String, format: 'date-time' }) createdAt?: unknown;
  @Allow() @ApiPropertyOptional({ readOnly: true, type: String, format: 'date-time' }) updatedAt?: unknown;
  @Allow() @ApiPropertyOptional({ readOnly: true, type: String, nullable: true }) publishedBy?: unknown;
  @Allow()
  @ApiPropertyOptional({ readOnly: true, type: String, format: 'date-time', nullable: true })
  publishedAt?: unknown;

  @ApiPropertyOptional({ type: [DraftTextDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DraftTextDto)
  objectives?: DraftTextDto[];

  @ApiPropertyOptional({ type: [LessonDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LessonDto)
  lessons?: LessonDto[];

  @ApiPropertyOptional({ type: QuizDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuizDto)
  quiz?: QuizDto | null;

  @ApiPropertyOptional({ type: RubricDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RubricDto)
  rubric?: RubricDto | null;

  @ApiPropertyOptional({ type: SeminarDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SeminarDto)
  seminar?: SeminarDto | null;

  @ApiPropertyOptional({ type: CompletionRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompletionRuleDto)
  completionRule?: CompletionRuleDto;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'Months a completion stays valid; null: forever',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  validityMonths?: number | null;
}
