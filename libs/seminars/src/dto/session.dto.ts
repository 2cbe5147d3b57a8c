import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CleanText, PageQuery } from '@lms/core';
import {
  SESSION_LANGUAGES,
  SESSION_STATUSES,
  SessionLanguage,
  SessionStatus,
} from '../entities/seminar-session.entity';
import { IsAfter, IsInstant, IsNotAfter } from './instant';

export const MAX_CAPACITY = 10_000;

/** Where: an address (with an optional room), or an online link, or both. */
export class LocationDto {
  @ApiPropertyOptional({ example: 'Алматы, пр. Абая, 109' })
  @ValidateIf((o: LocationDto) => o.onlineUrl === undefined || o.address !== undefined)
  @CleanText()
  @IsString()
  @IsNotEmpty({ message: 'give an address or an onlineUrl' })
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ example: 'ауд. 214' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(100)
  room?: string;

  @ApiPropertyOptional({ example: 'https://meet.example.kz/seminar-17' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(1000)
  onlineUrl?: string;
}

export class CreateSessionDto {
  @ApiProperty() @IsUUID() courseId: string;

  @ApiProperty({ example: '2026-12-01T04:00:00Z' }) @IsInstant() startsAt: string;

  @ApiProperty({ example: '2026-12-01T08:00:00Z' }) @IsInstant() @IsAfter('startsAt') endsAt: string;

  @ApiProperty({ type: LocationDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocationDto)
  location: LocationDto;

  @ApiProperty({ description: 'A user holding the trainer role' }) @IsUUID() trainerUserId: string;

  @ApiProperty({ minimum: 1, maximum: MAX_CAPACITY }) @IsInt() @Min(1) @Max(MAX_CAPACITY) capacity: number;

  @ApiProperty({ enum: SESSION_LANGUAGES }) @IsIn(SESSION_LANGUAGES) language: SessionLanguage;

  @ApiPropertyOptional({ description: 'No bookings after this instant (at or before startsAt)' })
  @IsOptional()
  @IsInstant()
  @IsNotAfter('startsAt')
  bookingDeadline?: string;

  @ApiPropertyOptional({ description: 'The unit holding the session; defaults to your own' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

/** Reschedule, move, resize or hand over; what is given replaces what is held. */
export class UpdateSessionDto {
  @ApiPropertyOptional() @IsOptional() @IsInstant() startsAt?: string;

  @ApiPropertyOptional() @IsOptional() @IsInstant() @IsAfter('startsAt') endsAt?: string;

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiPropertyOptional() @IsOptional() @IsUUID() trainerUserId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CAPACITY })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null removes the deadline' })
  @IsOptional()
  @IsInstant()
  @IsNotAfter('startsAt')
  bookingDeadline?: string | null;
}

export class CancelSessionDto {
  @ApiPropertyOptional({ example: 'Тренер заболел / Тренер ауырып қалды' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ListSessionsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() courseId?: string;
  @ApiPropertyOptional({ description: 'Starting at or after' }) @IsOptional() @IsInstant() from?: string;
  @ApiPropertyOptional({ description: 'Starting before' }) @IsOptional() @IsInstant() to?: string;
  @ApiPropertyOptional({ description: 'Held by this unit or below it' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() trainerUserId?: string;
  @ApiPropertyOptional({ enum: SESSION_STATUSES }) @IsOptional() @IsIn(SESSION_STATUSES) status?: SessionStatus;
}
