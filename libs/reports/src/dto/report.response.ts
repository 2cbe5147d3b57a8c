import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FrozenTrust } from '../services/execution-attachments';
import { Language, LANGUAGES, LocalizedTitleDto } from '@lms/core';
import type { ComplianceCounts, ComplianceReport, ComplianceRow } from '../services/compliance.model';
import type {
  ExecutionReportContent,
  SnapshotSummary,
  SnapshotVerification,
} from '../services/execution-report.service';
import type { FileCheck } from '../services/report-rendering.service';
import { RENDERING_FORMATS, RenderingFormat } from '../entities/report-rendering.entity';
import { ENROLLMENT_STATUSES, EnrollmentStatus } from '@lms/assignments';
import type { EnrollmentExportRow } from '../services/enrollment-export.service';
import type { CourseOutcome, OfficerOutcome } from '../services/officer-outcomes.service';
import { OUTCOME_STATES, OutcomeState } from '../services/officer-outcomes.sql';

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
  @ApiPropertyOptional({ type: LocalizedTitleDto, description: 'The unit’s name by language where given' })
  unitNames?: LocalizedTitleDto;
  @ApiProperty({
    enum: ['subtree', 'own'],
    description:
      '`subtree`: a child unit and everything under it; `own`: officers placed directly in the report’s unit',
  })
  scope: 'subtree' | 'own';
  @ApiProperty({
    example: '/reports/compliance/officers?unitId=…&orderId=…&asOf=2026-06-30T19:00:00.000Z',
    description: 'The drill-down to this row’s officers, under `/api/v1`; add `&status=overdue` (etc.) for one figure',
  })
  officersPath: string;
  @ApiProperty({
    type: ComplianceCountsView,
    description:
      'Refreshers assigned after a substantiated complaint (enrolment reason `complaint-refresher`), counted apart from the ordinary assignments above: officers by the state of their refreshers',
  })
  refresher: ComplianceCountsView;
  @ApiProperty({ description: 'The drill-down to the officers with a refresher (`reason=complaint-refresher`)' })
  refresherOfficersPath: string;
}

export class ReportUnitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ type: LocalizedTitleDto, description: 'The unit’s name by language where given' })
  names?: LocalizedTitleDto;
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
  @ApiProperty({ type: ComplianceCountsView, description: 'Refreshers after complaints in the whole subtree' })
  refresherTotal: ComplianceCountsView;
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
  @ApiProperty({ type: Date, nullable: true, description: 'The end of the due day in the unit’s time zone' })
  dueAt: Date | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The due day in the unit’s time zone, as printed: a rule due 31 December says 2026-12-31 here',
  })
  dueDate: string | null;
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
  @ApiProperty({
    description: 'Printed on the document; anyone can check it at `GET /execution-reports/verify/{code}`',
  })
  verificationCode: string;
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
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Printed on the document for `GET /execution-reports/verify/{code}`',
  })
  verificationCode: string | null;
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

export class RequiredCourseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
}

export class FrozenProgrammeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
  @ApiProperty({ type: [RequiredCourseView], description: 'Its courses in order, as they were when frozen' })
  courses: RequiredCourseView[];
}

export class RequirementView {
  @ApiProperty({ type: [RequiredCourseView], description: 'The courses the order requires' })
  courses: RequiredCourseView[];
  @ApiProperty({
    type: FrozenProgrammeView,
    required: false,
    nullable: true,
    description: 'Version 3: the order’s programme and its course list at the moment of freezing (null: none)',
  })
  programme?: FrozenProgrammeView | null;
}

export class FrozenOfficersView {
  @ApiProperty({ type: () => [OfficerOutcomeView], description: 'Every course completed (or exempted from some)' })
  completed: OfficerOutcomeView[];
  @ApiProperty({
    type: () => [OfficerOutcomeView],
    description:
      'The rest, each with their state and every course’s (overdue, in progress, not started, exempted with its reason)',
  })
  outstanding: OfficerOutcomeView[];
  @ApiProperty({
    type: () => [OfficerOutcomeView],
    required: false,
    description:
      'Officers with a refresher assigned after a substantiated complaint (course `reason` `complaint-refresher`, `reasonDetail` the category), apart from the order’s outcome; absent in older snapshots',
  })
  refreshers?: OfficerOutcomeView[];
}

export class ExecutionReportContentView implements ExecutionReportContent {
  @ApiProperty({ enum: ['order-execution'] }) kind: 'order-execution';
  @ApiProperty({
    type: 'integer',
    required: false,
    description:
      '2 since officer lists are frozen, 3 since the programme’s course list; readers ignore keys they do not know',
  })
  version?: number;
  @ApiProperty({ type: RequirementView, required: false }) requirement?: RequirementView;
  @ApiProperty({ type: FrozenOfficersView, required: false, description: 'Absent in snapshots made before version 2' })
  officers?: FrozenOfficersView;
  @ApiProperty({ type: FrozenOrderView }) order: FrozenOrderView;
  @ApiProperty({ format: 'date-time' }) producedAt: string;
  @ApiProperty({ type: ProducerView }) producedBy: ProducerView;
  @ApiProperty({ type: ComplianceReportView }) report: ComplianceReportView;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Only when frozen with `includeTrust`: the trust report (`GET /reports/trust`) of the subtree from the order’s date to the day of freezing',
  })
  trust?: FrozenTrust;
}

/** A frozen report exactly as it was hashed: never recomputed. */
export class FrozenSnapshotView extends SnapshotSummaryView {
  @ApiProperty({ type: SnapshotParametersView }) parameters: SnapshotParametersView;
  @ApiProperty({ type: ExecutionReportContentView }) content: ExecutionReportContentView;
}

export class OutcomeUnitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ type: LocalizedTitleDto, description: 'The unit’s name by language where given' })
  names?: LocalizedTitleDto;
}

export class CourseOutcomeView implements CourseOutcome {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ type: LocalizedTitleDto }) courseTitle: LocalizedTitleDto;
  @ApiProperty({ enum: OUTCOME_STATES, description: 'Where this course stood at asOf' }) state: OutcomeState;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The end of the due day in the unit’s time zone',
  })
  dueAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The certificate of a completed course' })
  certificateSerial: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the officer was exempted' })
  exemptionReason: string | null;
  @ApiProperty({
    type: String,
    enum: ['complaint-refresher'],
    nullable: true,
    description: '`complaint-refresher`: a refresher assigned after a substantiated complaint',
  })
  reason: 'complaint-refresher' | null;
  @ApiProperty({ type: String, nullable: true, description: 'The complaint’s category, for a refresher' })
  reasonDetail: string | null;
}

/** An officer behind a compliance figure. */
export class OfficerOutcomeView implements OfficerOutcome {
  @ApiProperty({ format: 'uuid' }) officerId: string;
  @ApiProperty() personnelNumber: string;
  @ApiProperty() fullName: string;
  @ApiProperty() rank: string;
  @ApiProperty() position: string;
  @ApiProperty({ type: OutcomeUnitView, description: 'Where the officer serves now' }) unit: OutcomeUnitView;
  @ApiProperty({
    enum: OUTCOME_STATES,
    description: 'The officer’s state in the report: the highest of their courses’ (the column they count in)',
  })
  state: OutcomeState;
  @ApiProperty({ type: [CourseOutcomeView] }) courses: CourseOutcomeView[];
}

export class FileCheckView implements FileCheck {
  @ApiProperty({ enum: RENDERING_FORMATS }) format: RenderingFormat;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ description: 'SHA-256 of the file’s bytes, recorded when it was first downloaded' }) sha256: string;
  @ApiProperty({ description: 'The stored bytes still hash to sha256' }) verified: boolean;
  @ApiProperty() createdAt: Date;
}

export class VerifiedOrderView {
  @ApiProperty() number: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() title: string;
}

export class VerifiedUnitView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

/** What a check of a frozen report says. */
export class SnapshotVerificationView implements SnapshotVerification {
  @ApiProperty({ description: 'The content and every stored file match their recorded SHA-256' }) valid: boolean;
  @ApiProperty({ format: 'uuid' }) snapshotId: string;
  @ApiProperty({ type: String, nullable: true }) verificationCode: string | null;
  @ApiProperty({ type: VerifiedOrderView }) order: VerifiedOrderView;
  @ApiProperty({ type: VerifiedUnitView }) unit: VerifiedUnitView;
  @ApiProperty({ format: 'date-time' }) producedAt: string;
  @ApiProperty({ description: 'SHA-256 recorded for the content (canonical JSON)' }) sha256: string;
  @ApiProperty() contentVerified: boolean;
  @ApiProperty({ description: 'SHA-256 of the content as stored now' }) actualSha256: string;
  @ApiProperty({ type: [FileCheckView], description: 'The files served so far, each with its own SHA-256' })
  files: FileCheckView[];
}

/** A public check of a code: `valid: false` and nothing else when the code is unknown. */
export class CodeVerificationView {
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: SnapshotVerificationView, required: false, description: 'When the code is known' })
  report?: SnapshotVerificationView;
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

export class EnrollmentExportRowView implements EnrollmentExportRow {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() personnelNumber: string;
  @ApiProperty() rank: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ description: 'In the requested language' }) unitName: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ description: 'In the requested language' }) courseTitle: string;
  @ApiProperty({ type: 'integer' }) cycle: number;
  @ApiProperty({ enum: ENROLLMENT_STATUSES, enumName: 'EnrollmentStatus', description: '`overdue`: open and past due' })
  status: EnrollmentStatus;
  @ApiProperty({ format: 'date', description: "Calendar day in the officer's unit's time zone" }) assignedOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The day it is due' }) dueOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) completedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) certificateSerial: string | null;
}
