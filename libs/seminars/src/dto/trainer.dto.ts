import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { TRAINER_QUALIFICATIONS, type TrainerQualification } from '@lms/catalogue';
import { CleanText, PageQuery } from '@lms/core';

export class QualificationDto {
  @ApiProperty({ enum: TRAINER_QUALIFICATIONS }) @IsIn(TRAINER_QUALIFICATIONS) area: TrainerQualification;

  @ApiProperty({ example: 'Diploma in psychology, KazNU, 2019', description: 'What shows it' })
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  evidence: string;

  @ApiProperty({ format: 'date', example: '2019-06-30' }) @IsDateString({ strict: true }) qualifiedOn: string;
}

export class SetQualificationsDto {
  @ApiProperty({ type: [QualificationDto], description: 'The whole list: it replaces what is held (one per area)' })
  @IsArray()
  @ArrayMaxSize(TRAINER_QUALIFICATIONS.length)
  @ValidateNested({ each: true })
  @Type(() => QualificationDto)
  qualifications: QualificationDto[];
}

export class TrainerQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TRAINER_QUALIFICATIONS, description: 'Trainers qualified in this area' })
  @IsOptional()
  @IsIn(TRAINER_QUALIFICATIONS)
  qualification?: TrainerQualification;
}

export class QualificationView {
  @ApiProperty({ enum: TRAINER_QUALIFICATIONS }) area: TrainerQualification;
  @ApiProperty() evidence: string;
  @ApiProperty({ format: 'date' }) qualifiedOn: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedBy: string | null;
  @ApiProperty() recordedAt: Date;
}

/** A trainer's profile: who they are and what they are qualified in. */
export class TrainerProfileView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() username: string;
  @ApiProperty({ type: [QualificationView] }) qualifications: QualificationView[];
}
