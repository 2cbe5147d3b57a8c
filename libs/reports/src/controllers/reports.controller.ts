import { pipeline } from 'node:stream';
import { Controller, Get, Logger, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AnyRole,
  ApiDownload,
  ApiProblems,
  contentDisposition,
  Ctx,
  PageOf,
  RequestContext,
  Roles,
  XLSX_TYPE,
} from '@lms/core';
import {
  ComplianceQuery,
  EnrollmentExportQuery,
  OfficerRecordQuery,
  OfficersBehindQuery,
} from '../dto/report-query.dto';
import {
  ComplianceReportView,
  EnrollmentExportRowView,
  OfficerOutcomeView,
  OfficerRecordView,
  SubjectAccessView,
} from '../dto/report.response';
import { ReportsProblem } from '../reports.errors';
import { complianceTable } from '../render/compliance-table';
import { recordTable } from '../render/record-table';
import { ComplianceService } from '../services/compliance.service';
import { EnrollmentExportService } from '../services/enrollment-export.service';
import { OfficerOutcomeService } from '../services/officer-outcomes.service';
import { OfficerRecordService } from '../services/officer-record.service';
import { outcomesTable } from '../render/outcome-tables';
import { SubjectAccessService } from '../services/subject-access.service';
import { sendJson, sendTable } from '../render/send-report';

@ApiTags('reports')
@ApiProblems('Reports', Object.values(ReportsProblem))
@Controller()
export class ReportsController {
  private readonly logger = new Logger(ReportsController.name);

  constructor(
    private readonly compliance: ComplianceService,
    private readonly records: OfficerRecordService,
    private readonly outcomes: OfficerOutcomeService,
    private readonly subjectAccess: SubjectAccessService,
    private readonly enrollments: EnrollmentExportService,
  ) {}

  @Get('reports/officers/:id/subject-access')
  @Roles('hr')
  @ApiOperation({
    summary: 'Subject-access export',
    description:
      'Everything the platform stores about one officer, for a request under data-protection law: the personnel record, the account and its roles, enrolments, bookings, attendance, quiz attempts with their answers, practical assessments, certificates, notifications, calendar feeds and the audit events about them or by them, as JSON (credentials left out). HR of the officer’s subtree and administrators.',
  })
  @ApiOkResponse({ type: SubjectAccessView })
  async subjectAccessExport(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const body = await this.subjectAccess.export(ctx, id);
    response.setHeader('Content-Disposition', contentDisposition(`subject-access-${id}.json`));
    sendJson(response, body);
  }

  @Get('reports/compliance')
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'Compliance report',
    description:
      'For a unit of your subtrees (default: your top unit) and each of its child units: officers in audience, completed, in progress, not started, overdue, exempted and completion %, for a course and/or an order, now or `asOf` a past moment. `format` asks for JSON or a file (CSV with BOM, XLSX, printable HTML, PDF), labelled in `lang`.',
  })
  @ApiDownload({
    description: 'The report as JSON (`format=json`, the default) or as a file',
    json: ComplianceReportView,
    mediaTypes: ['text/csv', XLSX_TYPE, 'text/html', 'application/pdf'],
  })
  async complianceReport(@Ctx() ctx: RequestContext, @Query() query: ComplianceQuery, @Res() response: Response) {
    const report = await this.compliance.report(ctx, query);
    if (query.format === 'json') return sendJson(response, report);
    await sendTable(response, query.format, complianceTable(report, query.lang ?? 'ru'));
  }

  @Get('reports/compliance/officers')
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'Officers behind a compliance figure',
    description:
      'The drill-down from any number of the compliance report: the same `unitId`, `courseId`, `orderId` and `asOf`, and `status` for the column (`completed`, `inProgress`, `notStarted`, `overdue`, `exempted`; none: everyone in audience). `scope=own` gives the report’s row of officers placed directly in its unit. Scoped like the report (404 outside your subtrees; 422 for an unknown status or a future `asOf`). Each officer with their state and every course in scope (due date, completion, certificate serial, exemption reason). JSON is one page; CSV and XLSX hold every matching officer, one line per course.',
  })
  @ApiDownload({
    description: 'One page as JSON (`format=json`, the default), or every officer as CSV or XLSX',
    json: PageOf(OfficerOutcomeView),
    mediaTypes: ['text/csv', XLSX_TYPE],
  })
  async officersBehind(@Ctx() ctx: RequestContext, @Query() query: OfficersBehindQuery, @Res() response: Response) {
    if (query.format === 'json') return sendJson(response, await this.outcomes.list(ctx, query));
    const { page, unit, asOf } = await this.outcomes.listAll(ctx, query);
    const table = outcomesTable(page, query.lang ?? 'ru', {
      unit,
      timezone: unit.timezone,
      asOf,
      state: query.status ?? null,
    });
    await sendTable(response, query.format, table);
  }

  @Get('reports/enrollments')
  @Roles('hr')
  @ApiOperation({
    summary: 'Enrolment export',
    description:
      'Every enrolment in a unit’s subtree (default: your top unit; 404 outside your subtrees), optionally for one course, order or `status` (422 for an unknown one): officer, personnel number, rank, unit, course, cycle, status, the days it was assigned, is due and was completed (in the unit’s time zone) and the certificate serial. JSON is one page; CSV holds every enrolment, written by PostgreSQL (`COPY`) and streamed with bounded memory (semicolons and a BOM in ru and kk, commas in en; formula-safe cells). HR and administrators.',
  })
  @ApiDownload({
    description: 'One page as JSON (`format=json`, the default), or every enrolment as CSV',
    json: PageOf(EnrollmentExportRowView),
    mediaTypes: ['text/csv'],
  })
  async enrollmentExport(@Ctx() ctx: RequestContext, @Query() query: EnrollmentExportQuery, @Res() response: Response) {
    if (query.format === 'json') return sendJson(response, await this.enrollments.list(ctx, query));
    const streams = await this.enrollments.csv(ctx, query);
    response.status(200);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', contentDisposition('enrollments.csv'));
    response.setHeader('Cache-Control', 'no-store');
    // A client that goes away, or a read that fails mid-way, destroys every stream: the copy's connection is closed.
    pipeline(...streams, response, (error) => {
      if (error && !response.writableFinished) {
        this.logger.warn(`enrolment export ended early: ${error.message}`);
      }
    });
  }

  @Get('reports/officers/:id/record')
  @AnyRole()
  @ApiOperation({
    summary: 'Officer’s training record',
    description:
      'Every enrolment of one officer across cycles, with dates, exemptions and seminar hours. Officers read their own; HR and trainers those of their subtrees.',
  })
  @ApiDownload({
    description: 'The record as JSON (`format=json`, the default) or PDF',
    json: OfficerRecordView,
    mediaTypes: ['application/pdf'],
  })
  async officerRecord(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: OfficerRecordQuery,
    @Res() response: Response,
  ) {
    const record = await this.records.record(ctx, id);
    if (query.format === 'json') return sendJson(response, record);
    await sendTable(response, query.format, recordTable(record, query.lang ?? record.officer.language));
  }
}
