import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsTimeZone, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { CleanText, PageQuery } from '@lms/core';

export class CreateUnitDto {
  @ApiProperty({ example: 'ALM-BOST' })
  @CleanText()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/, {
    message: 'code must be 1-50 Latin letters, digits, dot, dash or underscore',
  })
  code: string;

  @ApiProperty({ example: 'Бостандық ауданының полиция басқармасы' })
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

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

  @ApiPropertyOptional({ description: 'Search in code and name' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(100)
  q?: string;
}
