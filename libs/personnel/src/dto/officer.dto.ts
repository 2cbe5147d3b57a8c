import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CleanText, PageQuery } from '@lms/core';
import {
  OFFICER_LANGUAGES,
  OFFICER_STATUSES,
  OfficerLanguage,
  OfficerStatus,
  SERVICE_TYPES,
  ServiceType,
} from '../entities/officer.entity';

export const PERSONNEL_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,29}$/;

export class CreateOfficerDto {
  @ApiProperty({ example: '100234' })
  @CleanText()
  @IsString()
  @Matches(PERSONNEL_NUMBER, { message: 'personnelNumber must be 1-30 Latin letters, digits or dashes' })
  personnelNumber: string;

  @ApiProperty({ example: 'Нұрланов Ерлан Серікұлы' })
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  fullName: string;

  @ApiProperty({ example: 'капитан полиции' })
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  rank: string;

  @ApiProperty({ example: 'участковый инспектор' })
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  position: string;

  @ApiProperty({ enum: SERVICE_TYPES })
  @IsIn(SERVICE_TYPES)
  serviceType: ServiceType;

  @ApiProperty()
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({ enum: OFFICER_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(OFFICER_STATUSES)
  status?: OfficerStatus;

  @ApiPropertyOptional({ enum: OFFICER_LANGUAGES, default: 'ru' })
  @IsOptional()
  @IsIn(OFFICER_LANGUAGES)
  language?: OfficerLanguage;
}

/** Every field but the personnel number may change; a new unitId is a transfer. */
export class UpdateOfficerDto {
  @ApiPropertyOptional() @IsOptional() @CleanText() @IsString() @IsNotEmpty() @MaxLength(300) fullName?: string;
  @ApiPropertyOptional() @IsOptional() @CleanText() @IsString() @IsNotEmpty() @MaxLength(100) rank?: string;
  @ApiPropertyOptional() @IsOptional() @CleanText() @IsString() @IsNotEmpty() @MaxLength(200) position?: string;
  @ApiPropertyOptional({ enum: SERVICE_TYPES }) @IsOptional() @IsIn(SERVICE_TYPES) serviceType?: ServiceType;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: OFFICER_STATUSES }) @IsOptional() @IsIn(OFFICER_STATUSES) status?: OfficerStatus;
  @ApiPropertyOptional({ enum: OFFICER_LANGUAGES }) @IsOptional() @IsIn(OFFICER_LANGUAGES) language?: OfficerLanguage;
}

export class ListOfficersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'The unit and its whole subtree' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: SERVICE_TYPES })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  serviceType?: ServiceType;

  @ApiPropertyOptional({ enum: OFFICER_STATUSES })
  @IsOptional()
  @IsIn(OFFICER_STATUSES)
  status?: OfficerStatus;

  @ApiPropertyOptional({ description: 'The rank as written in the personnel list (any letter case)' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(100)
  rank?: string;

  @ApiPropertyOptional({ description: 'Part of the name or personnel number' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(100)
  q?: string;
}
