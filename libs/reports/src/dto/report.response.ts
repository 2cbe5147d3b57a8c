import { ApiProperty } from '@nestjs/swagger';
import { LocalizedTitleDto } from '@lms/core';
import type { ComplianceCounts, ComplianceReport, ComplianceRow } from '../services/compliance.model';
import type { ExecutionReportContent, SnapshotSummary } from '../services/execution-report.service';

export class ComplianceCountsView implements ComplianceCounts {
  @ApiProperty({ type: 'integer', description: 'Officers with an enrolment in scope, withdrawn ones left out' })
  inAudience: number;
  @ApiProperty({ type: 'integer' }) completed: number;
  @ApiProperty({ type: 'integer' }) inProgress: number;
  @ApiProperty({ type: 'integer' }) notStarted: number;
  @ApiProperty({ type: 'integer', description: 'Open and past due' }) overdue: number;
  @ApiProperty({ type: 'integer' }) exempted: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'completed / (inAudience − exempted) × 100, one decimal; null when nobody is left to complete',
  })
  completionPercent: number | null;
}

export class ComplianceRowView extends ComplianceCountsView implements ComplianceRow {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({
    enum: ['subtree', 'own'],
    description:
      '`subtree`: a child unit and everything under it; `own`: officers placed directly in the report’s unit',
  })
  scope: 'subtree' | 'own';
}

export class ReportUnitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'Asia/Almaty' }) timezone: string;
}

export class ReportCourseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
}

export class ReportOrderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) deadline: string | null;
  @ApiProperty({ type: [String], description: 'The courses it requires (listed, or its programme’s)' })
  courseIds: string[];
}

export class ComplianceFiltersView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) courseId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) orderId: string | null;
  @ApiProperty({ type: ReportCourseView, nullable: true }) course: ReportCourseView | null;
  @ApiProperty({ type: ReportOrderView, nullable: true }) order: ReportOrderView | null;
}

/** Per unit of a subtree: one row per child unit, one for officers placed directly in the unit, and the total. */
export class ComplianceReportView implements ComplianceReport {
  @ApiProperty({ format: 'date-time', description: 'The moment counted' }) asOf: string;
  @ApiProperty({ type: ReportUnitView }) unit: ReportUnitView;
  @ApiProperty({ type: ComplianceFiltersView }) filters: ComplianceFiltersView;
  @ApiProperty({ type: [ComplianceRowView] }) rows: ComplianceRowView[];
  @ApiProperty({ type: ComplianceCountsView }) total: ComplianceCountsView;
}

export class RecordUnitView extends ReportUnitView {}

export class RecordOfficerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() personnelNumber: string;
  @ApiProperty() fullName: string;
  @ApiProperty() rank: string;
  @ApiProperty() position: string;
  @ApiProperty() serviceType: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: ['kk', 'ru'] }) language: 'kk' | 'ru';
  @ApiProperty({ type: RecordUnitView }) unit: RecordUnitView;
}

export class RecordExemptionView {
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Username' }) decidedBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
}

export class RecordWithdrawalView {
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: Date, nullable: true }) at: Date | null;
}

export class RecordEnrollmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ type: LocalizedTitleDto }) courseTitle: LocalizedTitleDto;
  @ApiProperty({ type: 'integer' }) cycle: number;
  @ApiProperty({ enum: ['assigned', 'in_progress', 'completed', 'overdue', 'exempted', 'withdrawn'] }) status: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) orderId: string | null;
  @ApiProperty({ type: String, nullable: true }) orderNumber: string | null;
  @ApiProperty() assignedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) dueAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) startedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) completedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) expiresAt: Date | null;
  @ApiProperty({ type: RecordExemptionView, nullable: true, description: 'Who exempted the officer, when and why' })
  exemption: RecordExemptionView | null;
  @ApiProperty({ type: RecordWithdrawalView, nullable: true }) withdrawal: RecordWithdrawalView | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Seminar hours credited, when any were recorded' })
  seminarHours: number | null;
}

export class RecordTotalsView {
  @ApiProperty({ type: 'integer' }) enrollments: number;
  @ApiProperty({ type: 'integer' }) completed: number;
  @ApiProperty({ type: 'integer' }) open: number;
  @ApiProperty({ type: 'integer' }) overdue: number;
  @ApiProperty({ type: 'integer' }) exempted: number;
  @ApiProperty() seminarHours: number;
}

/** One officer's training record: every enrolment across cycles. */
export class OfficerRecordView {
  @ApiProperty() generatedAt: Date;
  @ApiProperty({ type: RecordOfficerView }) officer: RecordOfficerView;
  @ApiProperty({ type: [RecordEnrollmentView] }) enrollments: RecordEnrollmentView[];
  @ApiProperty({ type: RecordTotalsView }) totals: RecordTotalsView;
}

export class SnapshotCreated {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'SHA-256 of the canonical JSON of the content (RFC 8785)' }) sha256: string;
  @ApiProperty() createdAt: Date;
}

export class SnapshotSummaryView implements SnapshotSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'order-execution' }) kind: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) orderId: string | null;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ApiProperty({ type: String, nullable: true }) createdByName: string | null;
  @ApiProperty() sha256: string;
  @ApiProperty({ description: 'The stored content still hashes to sha256' }) verified: boolean;
}

export class SnapshotParametersView {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ format: 'date-time' }) asOf: string;
}

export class FrozenOrderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) issuingAuthority: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) deadline: string | null;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
}

export class ProducerView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty({ type: String, nullable: true }) username: string | null;
}

export class ExecutionReportContentView implements ExecutionReportContent {
  @ApiProperty({ enum: ['order-execution'] }) kind: 'order-execution';
  @ApiProperty({ type: FrozenOrderView }) order: FrozenOrderView;
  @ApiProperty({ format: 'date-time' }) producedAt: string;
  @ApiProperty({ type: ProducerView }) producedBy: ProducerView;
  @ApiProperty({ type: ComplianceReportView }) report: ComplianceReportView;
}

/** A frozen report exactly as it was hashed: never recomputed. */
export class FrozenSnapshotView extends SnapshotSummaryView {
  @ApiProperty({ type: SnapshotParametersView }) parameters: SnapshotParametersView;
  @ApiProperty({ type: ExecutionReportContentView }) content: ExecutionReportContentView;
}

const ROWS = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

/** Everything stored about one officer, as whole rows of each table (credentials left out). */
export class SubjectAccessView {
  @ApiProperty() generatedAt: Date;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The personnel record' })
  officer: Record<string, unknown>;
  @ApiProperty({ ...ROWS, description: 'Their login (no password hash, no second-factor secret)' }) account: object[];
  @ApiProperty({ ...ROWS }) roles: object[];
  @ApiProperty({ ...ROWS }) enrollments: object[];
  @ApiProperty({ ...ROWS }) seminarBookings: object[];
  @ApiProperty({ ...ROWS }) seminarAttendance: object[];
  @ApiProperty({ ...ROWS, description: 'With the questions drawn and the answers given' }) quizAttempts: object[];
  @ApiProperty({ ...ROWS }) practicalAssessments: object[];
  @ApiProperty({ ...ROWS }) certificates: object[];
  @ApiProperty({ ...ROWS }) notifications: object[];
  @ApiProperty({ ...ROWS, description: 'Secret calendar URLs (their tokens left out)' }) calendarFeeds: object[];
  @ApiProperty({ ...ROWS, description: 'Audit events about them, their account and enrolments, or by them' })
  auditEvents: object[];
}
