import { Readable, Transform } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { crlfCsv, csvDialect, Language, Page, pageClause, ReportReads, RequestContext } from '@lms/core';
import { EFFECTIVE_STATUS, EnrollmentStatus, OrderService } from '@lms/assignments';
import { EnrollmentExportQuery } from '../dto/report-query.dto';
import { labelsFor } from '../render/labels';
import { ComplianceService } from './compliance.service';
import { enrollmentCopySql, enrollmentCountSql, enrollmentExportSql } from './enrollment-export.sql';

/** One enrolment of the export, dates as calendar days in the officer's unit's time zone. */
export interface EnrollmentExportRow {
  id: string;
  fullName: string;
  personnelNumber: string;
  rank: string;
  unitCode: string;
  unitName: string;
  courseCode: string;
  courseTitle: string;
  cycle: number;
  status: EnrollmentStatus;
  assignedOn: string;
  dueOn: string | null;
  completedOn: string | null;
  certificateSerial: string | null;
}

interface ExportSqlRow {
  id: string;
  full_name: string;
  personnel_number: string;
  rank: string;
  unit_code: string;
  unit_name: string;
  course_code: string;
  course_title: string;
  cycle: number;
  status: EnrollmentStatus;
  assigned_on: string;
  due_on: string | null;
  completed_on: string | null;
  certificate_serial: string | null;
}

function mapRow(row: ExportSqlRow): EnrollmentExportRow {
  return {
    id: row.id,
    fullName: row.full_name,
    personnelNumber: row.personnel_number,
    rank: row.rank,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    courseCode: row.course_code,
    courseTitle: row.course_title,
    cycle: row.cycle,
    status: row.status,
    assignedOn: row.assigned_on,
    dueOn: row.due_on,
    completedOn: row.completed_on,
    certificateSerial: row.certificate_serial,
  };
}

/**
 * Every enrolment in the caller's subtree (scoped like the compliance
 * report): one page as JSON, or all of them as a CSV that PostgreSQL writes
 * (`COPY ... TO STDOUT`) and this process only passes on, chunk by chunk,
 * so a national export holds a few chunks in memory, never the whole file.
 */
@Injectable()
export class EnrollmentExportService {
  constructor(
    private readonly reads: ReportReads,
    private readonly compliance: ComplianceService,
    private readonly orders: OrderService,
  ) {}

  async list(ctx: RequestContext, query: EnrollmentExportQuery): Promise<Page<EnrollmentExportRow>> {
    const { filter, params } = await this.filter(ctx, query);
    const [{ total }] = await this.reads.query<{ total: number }>(enrollmentCountSql(filter), params);
    const page = { limit: query.limit, offset: query.offset };
    const rows = await this.reads.query<ExportSqlRow>(enrollmentExportSql(filter, pageClause(page, params)), params);
    return { items: rows.map(mapRow), total, ...page };
  }

  /**
   * The CSV as a chain of streams (the bytes of the COPY, formula-safe
   * cells in the dialect's separator; then the BOM, header and CRLF line ends) for the caller to
   * `pipeline` into the response: a client that goes away or a failing read
   * destroys them all and closes the connection.
   */
  async csv(ctx: RequestContext, query: EnrollmentExportQuery): Promise<[Readable, Transform]> {
    const { filter, params } = await this.filter(ctx, query);
    const language = query.lang ?? 'ru';
    const dialect = csvDialect(language);
    const bytes = await this.reads.copyOut(enrollmentCopySql(filter, dialect), params);
    return [bytes, crlfCsv(dialect, csvHeader(language))];
  }

  private async filter(ctx: RequestContext, query: EnrollmentExportQuery) {
    const unit = await this.compliance.unitInScope(ctx, query.unitId);
    const order = query.orderId ? await this.orders.get(ctx, query.orderId) : null;
    const { orderCourses } = await this.compliance.resolveFilters({
      unit,
      asOf: new Date(),
      courseId: undefined,
      order,
    });
    const params: unknown[] = [query.lang ?? 'ru', unit.path + '%'];
    const filters = ['u.path LIKE $2'];
    if (query.courseId) {
      params.push(query.courseId);
      filters.push(`e.course_id = $${params.length}`);
    }
    if (order) {
      params.push(order.id, orderCourses);
      filters.push(`(e.order_id = $${params.length - 1} OR e.course_id = ANY($${params.length}::uuid[]))`);
    }
    if (query.status) {
      params.push(query.status);
      filters.push(`(${EFFECTIVE_STATUS}) = $${params.length}`);
    }
    return { filter: filters.join(' AND '), params };
  }
}

function csvHeader(language: Language): string[] {
  const l = labelsFor(language);
  return [
    l.fullName,
    l.personnelNumber,
    l.rank,
    `${l.unit} (${l.code})`,
    l.unit,
    `${l.course} (${l.code})`,
    l.course,
    l.cycle,
    l.status,
    l.assignedAt,
    l.dueAt,
    l.completedAt,
    l.certificateSerial,
  ];
}
