import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CleanText, LocalizedTitleDto, PageQuery } from '@lms/core';

export class CreateUnitDto {
  @ApiProperty({ example: 'ALM-BOST' })
  @CleanText()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/, {
    message: 'code must be 1-50 Latin letters, digits, dot, dash or underscore',
  })
  code: string;

  @ApiProperty({
    example: 'Бостандық ауданының полиция басқармасы',
    description: 'The name of record; may be left out when `names` is given (then its Russian name)',
  })
  @ValidateIf((o: CreateUnitDto) => o.names === undefined || o.name !== undefined)
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ type: LocalizedTitleDto, description: 'The name in Kazakh and Russian (English optional)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTitleDto)
  names?: LocalizedTitleDto;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Parent unit; null only for the root (the ministry)',
  })
  @ValidateIf((_o, value) => value !== null)
  @IsUUID()
  parentId: string | null;

  @ApiPropertyOptional({ example: 'Asia/Almaty' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;
}

/** Rename, recode, move (a move takes the whole subtree along) or change time zone. */
export class UpdateUnitDto {
  @ApiPropertyOptional()
  @IsOptional()
  @CleanText()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/, {
    message: 'code must be 1-50 Latin letters, digits, dot, dash or underscore',
  })
  code?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ type: LocalizedTitleDto, description: 'Renames in Kazakh and Russian (English optional)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTitleDto)
  names?: LocalizedTitleDto;

  @ApiPropertyOptional({ description: 'New parent: moves the unit with its whole subtree' })
  @ValidateIf((_o, value) => value !== undefined) // null is not "no change": refuse it
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsTimeZone()
  timezone?: string;
}

export class ListUnitsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the direct children of this unit' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ description: 'This unit and everything under it' })
  @IsOptional()
  @IsUUID()
  rootId?: string;

  @ApiPropertyOptional({ description: 'Search in code and the names' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(100)
  q?: string;
}
