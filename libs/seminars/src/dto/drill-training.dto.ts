import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDateString, IsOptional, IsUUID } from 'class-validator';
import { LocalizedTitleDto, PageQuery } from '@lms/core';
import { IsInstant } from './instant';

export class CreateDrillAssignmentDto {
  @ApiProperty({ format: 'uuid', description: 'The drill plan (`GET /drill-plans`)' }) @IsUUID() planId: string;
  @ApiProperty({ format: 'uuid', description: 'The unit; the plan applies to its whole subtree' })
  @IsUUID()
  unitId: string;
  @ApiProperty({ format: 'date', example: '2026-12-07', description: 'A Monday: week 1 of the plan is that week' })
  @IsDateString({ strict: true })
  startsOn: string;
}

export class DrillAssignmentQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Assignments that apply to this unit (its own and its parents’)',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class RecordDrillSessionDto {
  @ApiProperty({ format: 'uuid', description: 'The unit whose shift took part' }) @IsUUID() unitId: string;
  @ApiProperty({ format: 'uuid', description: 'The drill (revision) run' }) @IsUUID() drillId: string;
  @ApiProperty({ format: 'date-time', description: 'When it was held; not in the future' }) @IsInstant() heldAt: string;
  @ApiProperty({ type: [String], description: 'The officers who took part: active, serving in the unit’s subtree' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  officerIds: string[];
}

export class DrillSessionQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Sessions of this unit’s subtree' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsInstant() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsInstant() to?: string;
}

export class DrillRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
}

export class DrillAssignmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() planCode: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date', description: 'The Sunday of the plan’s last week' }) endsOn: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'This week’s number in the plan; null outside it' })
  currentWeek: number | null;
  @ApiProperty({ type: DrillRefView, nullable: true, description: 'The drill of this week' })
  currentDrill: DrillRefView | null;
  @ApiProperty() createdAt: Date;
}

export class DrillParticipantView {
  @ApiProperty({ format: 'uuid' }) officerId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() personnelNumber: string;
}

export class DrillSessionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ type: DrillRefView }) drill: DrillRefView;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The plan assignment it fulfils' })
  assignmentId: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The plan week it was held in' }) week: number | null;
  @ApiProperty() heldAt: Date;
  @ApiProperty({ format: 'uuid' }) ledBy: string;
  @ApiProperty() leaderName: string;
  @ApiProperty({ type: 'integer' }) participantCount: number;
  @ApiProperty({ type: [DrillParticipantView] }) participants: DrillParticipantView[];
}
