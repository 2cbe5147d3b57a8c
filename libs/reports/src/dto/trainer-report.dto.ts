import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { LocalizedTitleDto } from '@lms/core';
import { PracticeReportQuery, ReportUnitView } from './practice-report.dto';
import { ReportFileQuery } from './report-query.dto';

export class TrainerReportQuery extends IntersectionType(PracticeReportQuery, ReportFileQuery) {}

export class CriterionAverage {
  @ApiProperty() criterionId: string;
  @ApiProperty({ type: LocalizedTitleDto, nullable: true, description: 'As the course’s latest version words it' })
  description: LocalizedTitleDto | null;
  @ApiProperty({ type: 'integer', nullable: true }) maxScore: number | null;
  @ApiProperty({ description: 'Mean score given on this criterion, two decimals' }) average: number;
  @ApiProperty({ type: 'integer', description: 'Assessments that scored it' }) count: number;
}

export class TrainerReportRow {
  @ApiProperty({ format: 'uuid' }) trainerUserId: string;
  @ApiProperty({ description: 'The trainer’s full name when the account is an officer’s, else the username' })
  trainerName: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ type: LocalizedTitleDto }) courseTitle: LocalizedTitleDto;
  @ApiProperty({ type: 'integer', description: 'Sessions held (not cancelled) that started in the period' })
  sessions: number;
  @ApiProperty({ type: 'integer', description: 'Their seats (capacity)' }) seats: number;
  @ApiProperty({ type: 'integer', description: 'Seats taken: bookings neither cancelled nor waitlisted' })
  seatsFilled: number;
  @ApiProperty({ type: Number, nullable: true, description: 'seatsFilled / seats × 100, one decimal' })
  fillPercent: number | null;
  @ApiProperty({ type: 'integer', description: 'Of the seats filled, marked present or late' }) attended: number;
  @ApiProperty({ type: Number, nullable: true, description: 'attended / seatsFilled × 100, one decimal' })
  attendancePercent: number | null;
  @ApiProperty({ type: 'integer', description: 'Practical assessments the trainer scored' }) assessments: number;
  @ApiProperty({ type: 'integer' }) passed: number;
  @ApiProperty({ type: Number, nullable: true, description: 'passed / assessments × 100, one decimal' })
  passPercent: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean weighted score, percent' })
  averageScore: number | null;
  @ApiProperty({ type: [CriterionAverage], description: 'Average per rubric criterion' })
  criteria: CriterionAverage[];
}

/** Seminars run and role-plays scored, per trainer and course. */
export class TrainerReport {
  @ApiProperty({ type: ReportUnitView }) unit: ReportUnitView;
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({ example: 'Asia/Almaty', description: 'The unit’s time zone, in which files print the period' })
  timezone: string;
  @ApiProperty({ description: 'Only the caller’s own sessions and assessments (a trainer without HR’s scope)' })
  ownOnly: boolean;
  @ApiProperty({ type: [TrainerReportRow] }) rows: TrainerReportRow[];
}
