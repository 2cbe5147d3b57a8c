import { ApiProperty } from '@nestjs/swagger';
import {
  OFFICER_LANGUAGES,
  OFFICER_STATUSES,
  type OfficerLanguage,
  type OfficerStatus,
  SERVICE_TYPES,
  type ServiceType,
} from '../entities/officer.entity';

export class OfficerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '100234' }) personnelNumber: string;
  @ApiProperty({ example: 'Нұрланов Ерлан Серікұлы' }) fullName: string;
  @ApiProperty({ example: 'капитан полиции' }) rank: string;
  @ApiProperty({ example: 'участковый инспектор' }) position: string;
  @ApiProperty({ enum: SERVICE_TYPES, enumName: 'ServiceType' }) serviceType: ServiceType;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: OFFICER_STATUSES, enumName: 'OfficerStatus' }) status: OfficerStatus;
  @ApiProperty({ enum: OFFICER_LANGUAGES, enumName: 'OfficerLanguage' }) language: OfficerLanguage;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ImportLineError {
  @ApiProperty({ type: 'integer', description: 'Line of the file, the header being 1' }) line: number;
  @ApiProperty({ example: 'unit_code' }) field: string;
  @ApiProperty() message: string;
}

/** What an import did; with any error nothing is written and the same shape answers 422. */
export class ImportResult {
  @ApiProperty({ type: 'integer' }) created: number;
  @ApiProperty({ type: 'integer' }) updated: number;
  @ApiProperty({ type: 'integer' }) unchanged: number;
  @ApiProperty({ type: 'integer', description: 'Existing officers whose unit changed' }) transferred: number;
  @ApiProperty({ type: 'integer', description: 'Enrolments opened by assignment rules for those created or changed' })
  enrolled: number;
  @ApiProperty({ type: 'integer', description: 'Rule-made enrolments closed for those who left an audience' })
  withdrawn: number;
  @ApiProperty({ enum: ['utf-8', 'windows-1251', 'kz-1048'], description: 'The encoding the file was read in' })
  encoding: string;
  @ApiProperty({ type: [ImportLineError] }) errors: ImportLineError[];
}
