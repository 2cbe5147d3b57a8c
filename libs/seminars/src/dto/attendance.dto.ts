import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { checkedInstance, FieldProblem, ValidationFailed } from '@lms/core';
import { ATTENDANCE_STATUSES, AttendanceStatus } from '../entities/seminar-attendance.entity';

export class AttendanceEntryDto {
  @ApiProperty() @IsUUID() officerId: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES }) @IsIn(ATTENDANCE_STATUSES) status: AttendanceStatus;

  @ApiPropertyOptional({
    description: 'Why HR corrects the trainer’s mark (required from anyone but the session’s trainer); audited',
    maxLength: 500,
  })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason?: string;
}

const MAX_ENTRIES = 2_000;

/**
 * The attendance body is a bare array, which the global pipe does not
 * validate: each entry is checked here with the same rules (whitelist, no
 * unknown fields), and an officer may appear only once.
 */
@Injectable()
export class AttendanceListPipe implements PipeTransform<unknown, Promise<AttendanceEntryDto[]>> {
  async transform(value: unknown): Promise<AttendanceEntryDto[]> {
    if (!Array.isArray(value) || value.length === 0 || value.length > MAX_ENTRIES) {
      throw new ValidationFailed('The body must be a list of attendance entries', [
        { field: '', message: `a non-empty array of at most ${MAX_ENTRIES} { officerId, status } entries` },
      ]);
    }
    const problems: FieldProblem[] = [];
    const entries: AttendanceEntryDto[] = [];
    const seen = new Set<string>();
    for (const [index, item] of value.entries()) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        problems.push({ field: `[${index}]`, message: 'must be an object { officerId, status }' });
        continue;
      }
      const { instance: entry, problems: found } = await checkedInstance(
        AttendanceEntryDto,
        item,
        { whitelist: true, forbidNonWhitelisted: true },
        `[${index}]`,
      );
      problems.push(...found);
      if (found.length === 0 && seen.has(entry.officerId))
        problems.push({ field: `[${index}].officerId`, message: 'appears more than once' });
      seen.add(entry.officerId);
      entries.push(entry);
    }
    if (problems.length > 0) throw new ValidationFailed('The request has invalid fields', problems);
    return entries;
  }
}
