import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CleanText, PageQuery } from '@lms/core';
import { SERVICE_TYPES, ServiceType } from '@lms/personnel';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Who a rule or an order concerns. Every list is optional; empty means "any". */
export class AudienceDto {
  @ApiPropertyOptional({ description: 'Units, each with its whole subtree' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  unitIds?: string[];

  @ApiPropertyOptional({ enum: SERVICE_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SERVICE_TYPES, { each: true })
  serviceTypes?: ServiceType[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @CleanText()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  ranks?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @CleanText()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  positions?: string[];
}

export class CreateOrderDto {
  @ApiProperty({ example: '№ 345' })
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  number: string;

  @ApiProperty({ example: '2026-09-01' })
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  date: string;

  @ApiProperty()
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional({ example: 'Министерство внутренних дел Республики Казахстан' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(300)
  issuingAuthority?: string;

  @ApiPropertyOptional({ description: 'The subtree the order applies to; defaults to your own unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Courses it requires' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  courseIds?: string[];

  @ApiPropertyOptional({ description: 'Or the whole programme' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ type: AudienceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AudienceDto)
  audience?: AudienceDto;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE, { message: 'deadline must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  deadline?: string;

  @ApiPropertyOptional({ description: 'Repeat every N months' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  periodicityMonths?: number;
}

export class UpdateOrderDto {
  @ApiPropertyOptional() @IsOptional() @CleanText() @IsString() @IsNotEmpty() @MaxLength(500) title?: string;
  @ApiPropertyOptional() @IsOptional() @CleanText() @IsString() @MaxLength(300) issuingAuthority?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  courseIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsUUID() programmeId?: string;
  @ApiPropertyOptional({ type: AudienceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AudienceDto)
  audience?: AudienceDto;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE) @IsDateString({ strict: true }) deadline?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(120) periodicityMonths?: number;
}

export class ListOrdersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Number or title' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(100)
  q?: string;
}
