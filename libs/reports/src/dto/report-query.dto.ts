import { ApiPropertyOptional, IntersectionType, OmitType, PickType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { LANGUAGES, Language, PageQuery } from '@lms/core';
import { ENROLLMENT_STATUSES, EnrollmentStatus } from '@lms/assignments';
import { OUTCOME_REASONS, OUTCOME_STATES, OutcomeReason, OutcomeState } from '../services/officer-outcomes.sql';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const RECORD_FORMATS = ['json', 'pdf'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/** A calendar day, or an instant with its offset: a time without one would be read in nobody knows which zone. */
const AS_OF = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** How a report is delivered: its format, and the language of the labels in files. */
export class ReportFileQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of labels in files (default ru)' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

/** What the compliance report counts: a subtree, a course and/or an order, at a moment. */
export class ComplianceFilters {
  @ApiPropertyOptional({ description: 'The unit whose subtree is reported; defaults to your top unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Only this course' }) @IsOptional() @IsUUID() courseId?: string;

  @ApiPropertyOptional({ description: "Only enrolments executing this order, or for the order's courses" })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({
    example: '2026-06-30',
    description:
      'The state at this moment: an instant with offset, or a day (its end in the unit’s time zone). Default: now',
  })
  @IsOptional()
  @Matches(AS_OF, { message: 'asOf must be YYYY-MM-DD or an ISO 8601 instant with Z or an offset' })
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class ComplianceQuery extends IntersectionType(ComplianceFilters, ReportFileQuery) {}

export const SPREADSHEET_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type SpreadsheetFormat = (typeof SPREADSHEET_FORMATS)[number];

/**
 * The officers behind a figure of the compliance report: the report's own
 * filters (`unitId`: the row's unit), a state (a column of the report) and, for the report's row of
 * officers placed directly in its unit, `scope=own`.
 */
export class OfficersBehindQuery extends IntersectionType(ComplianceFilters, PageQuery) {
  @ApiPropertyOptional({
    enum: OUTCOME_STATES,
    description: 'The column of the report: officers in that state (default: everyone in audience)',
  })
  @IsOptional()
  @IsIn(OUTCOME_STATES)
  status?: OutcomeState;

  @ApiPropertyOptional({
    enum: OUTCOME_REASONS,
    default: 'ordinary',
    description:
      '`ordinary`: the report’s main figures; `complaint-refresher`: the officers behind its `refresher` figures (refreshers after a substantiated complaint, with the category)',
  })
  @IsOptional()
  @IsIn(OUTCOME_REASONS)
  reason: OutcomeReason = 'ordinary';

  @ApiPropertyOptional({
    enum: ['subtree', 'own'],
    default: 'subtree',
    description: '`own`: only officers placed directly in the unit (the report’s “own staff” row)',
  })
  @IsOptional()
  @IsIn(['subtree', 'own'])
  scope: 'subtree' | 'own' = 'subtree';

  @ApiPropertyOptional({
    enum: SPREADSHEET_FORMATS,
    default: 'json',
    description: 'JSON (one page), or every matching officer as CSV or XLSX',
  })
  @IsOptional()
  @IsIn(SPREADSHEET_FORMATS)
  format: SpreadsheetFormat = 'json';

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of labels in files (default ru)' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

export class OfficerRecordQuery {
  @ApiPropertyOptional({ enum: RECORD_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(RECORD_FORMATS)
  format: RecordFormat = 'json';

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Defaults to the officer’s language' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

/** A frozen report is delivered like a live one. */
export class SnapshotQuery extends ReportFileQuery {}

export class CreateExecutionReportDto {
  @ApiPropertyOptional({
    description:
      "The subtree to report on: defaults to the order's unit, or to your own unit when the order was issued above it",
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    description:
      'Freeze the trust report of the same subtree, from the order’s date to the day of freezing, into the snapshot (`trust`) and print it as a section of the document',
  })
  @IsOptional()
  @IsBoolean()
  includeTrust?: boolean;
}

export class ListSnapshotsQuery extends PageQuery {}

/** The enrolment export: the report's filters (no moment: today's state), one page as JSON or every enrolment as CSV. */
export class EnrollmentExportQuery extends IntersectionType(
  OmitType(ComplianceFilters, ['asOf'] as const),
  PickType(ReportFileQuery, ['lang'] as const),
  PageQuery,
) {
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES, description: '`overdue`: open and past due' })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    default: 'json',
    description: 'JSON (one page), or every enrolment as CSV streamed from the database',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';
}
