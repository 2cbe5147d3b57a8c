import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { LocalizedTitleDto } from '@lms/core';

export class PracticeReportQuery {
  @ApiPropertyOptional({ description: 'The unit whose subtree is reported; defaults to your top unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this instant (default: 13 weeks before `to`)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Up to this instant, excluded (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class ScenarioReportQuery extends PracticeReportQuery {
  @ApiPropertyOptional({ description: 'Only this course’s scenarios' }) @IsOptional() @IsUUID() courseId?: string;
}

export class ReportUnitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class DrillCoverageCounts {
  @ApiProperty({ type: 'integer', description: 'Active officers serving there now' }) officers: number;
  @ApiProperty({ type: 'integer', description: 'Of them, those who took part in a drill in the period' })
  participants: number;
  @ApiProperty({ type: Number, nullable: true, description: 'participants / officers × 100, one decimal' })
  coveragePercent: number | null;
  @ApiProperty({ type: 'integer', description: 'Drills held in the period' }) sessions: number;
  @ApiProperty({ type: 'integer', description: 'Weeks of the period with at least one drill held' })
  weeksWithDrill: number;
  @ApiProperty({ type: 'integer', description: 'Officers with a course enrolment in scope at `to`' })
  courseAudience: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Course compliance beside the drills: completed / (audience − exempted) × 100 at `to`',
  })
  courseCompletionPercent: number | null;
}

export class DrillCoverageRow extends DrillCoverageCounts {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: ['subtree', 'own'], description: '`own`: officers placed directly in the report’s unit' })
  scope: 'subtree' | 'own';
}

/** Weekly drill coverage per unit, beside course compliance. */
export class DrillCoverageReport {
  @ApiProperty({ type: ReportUnitView }) unit: ReportUnitView;
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({ type: 'integer', description: 'Weeks the period touches' }) weeksInPeriod: number;
  @ApiProperty({ type: [DrillCoverageRow] }) rows: DrillCoverageRow[];
  @ApiProperty({ type: DrillCoverageCounts }) total: DrillCoverageCounts;
}

export class ScenarioResultRow {
  @ApiProperty() code: string;
  @ApiProperty({ format: 'uuid', description: 'Its latest revision' }) scenarioId: string;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
  @ApiProperty() courseCode: string;
  @ApiProperty({ type: [String], description: 'The trust factors it tests' }) trustFactors: string[];
  @ApiProperty({ type: 'integer', description: 'Role-plays scored on it in the period' }) assessments: number;
  @ApiProperty({ type: 'integer' }) passed: number;
  @ApiProperty({ type: Number, nullable: true, description: 'passed / assessments × 100, one decimal' })
  passPercent: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean weighted score, percent' })
  averageScore: number | null;
  @ApiProperty({ type: 'integer', description: 'Failed by an automatic-fail behaviour' }) autoFailed: number;
  @ApiProperty({ type: 'integer', description: 'Distinct officers assessed' }) officers: number;
}

/** Role-play results per scenario. */
export class ScenarioResultsReport {
  @ApiProperty({ type: ReportUnitView }) unit: ReportUnitView;
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) courseId: string | null;
  @ApiProperty({ type: [ScenarioResultRow] }) rows: ScenarioResultRow[];
}
