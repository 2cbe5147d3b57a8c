import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '@lms/core';
import {
  OFFICER_LANGUAGES,
  OFFICER_STATUSES,
  OfficerLanguage,
  OfficerStatus,
  SERVICE_TYPES,
  ServiceType,
} from '../entities/officer.entity';

const clean = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().normalize('NFC') : value);

export const PERSONNEL_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,29}$/;

export class CreateOfficerDto {
  @ApiProperty({ example: '100234' })
  @Transform(clean)
  @IsString()
  @Matches(PERSONNEL_NUMBER, { message: 'personnelNumber must be 1-30 Latin letters, digits or dashes' })
  personnelNumber: string;

  @ApiProperty({ example: 'Нұрланов Ерлан Серікұлы' })
  @Transform(clean)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  fullName: string;

  @ApiProperty({ example: 'капитан полиции' })
  @Transform(clean)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  rank: string;

  @ApiProperty({ example: 'участковый инспектор' })
  @Transform(clean)
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
  @ApiPropertyOptional() @IsOptional() @Transform(clean) @IsString() @IsNotEmpty() @MaxLength(300) fullName?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(clean) @IsString() @IsNotEmpty() @MaxLength(100) rank?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(clean) @IsString() @IsNotEmpty() @MaxLength(200) position?: string;
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

  @ApiPropertyOptional({ description: 'Part of the name or personnel number' })
  @IsOptional()
  @Transform(clean)
  @IsString()
  @MaxLength(100)
  q?: string;
}
