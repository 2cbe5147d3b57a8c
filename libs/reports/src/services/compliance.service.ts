import { Injectable } from '@nestjs/common';
import { LocalizedText, ReportReads, RequestContext } from '@lms/core';
import { CourseService, CourseView, ProgrammeService } from '@lms/catalogue';
import { OrderService, OrderView } from '@lms/assignments';
import { UnitService } from '@lms/personnel';
import { ComplianceQuery } from '../dto/report-query.dto';
import { AsOfResolver } from './as-of';
import { complianceSql, enrolmentFilter } from './compliance.sql';
import { ComplianceReport, ComplianceSqlRow, mapRows } from './compliance.model';
import { REPORT_READERS } from './report-scope';

export interface ReportUnit {
  id: string;
  code: string;
  name: string;
  names?: Partial<LocalizedText>;
  path: string;
  timezone: string;
}

/** What to count: a unit's subtree at a moment, optionally one course and/or one order. */
export interface ComplianceSpec {
  unit: ReportUnit;
  asOf: Date;
  courseId?: string;
  order?: OrderView | null;
}

/** Completion and compliance per unit of a subtree, at any moment. Reads enrolments, officers and units. */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly reads: ReportReads,
    private readonly units: UnitService,
    private readonly orders: OrderService,
    private readonly courses: CourseService,
    private readonly programmes: ProgrammeService,
    private readonly asOf: AsOfResolver,
  ) {}

  /** HR and trainers report on their subtrees (404 outside them); the default is the caller's top unit. */
  async report(ctx: RequestContext, query: ComplianceQuery): Promise<ComplianceReport> {
    const unit = await this.unitInScope(ctx, query.unitId);
    const order = query.orderId ? await this.orders.get(ctx, query.orderId) : null;
    const asOf = await this.asOf.resolve(query.asOf, unit.timezone);
    return this.compute({ unit, asOf, courseId: query.courseId, order });
  }

  async unitInScope(ctx: RequestContext, unitId: string | undefined): Promise<ReportUnit> {
    const id = unitId ?? (await this.units.defaultUnit(ctx, REPORT_READERS));
    return this.units.findInScope(ctx, id, REPORT_READERS);
  }

  /** Counts for a spec whose scope the caller has already checked: one statement. */
  async compute(spec: ComplianceSpec): Promise<ComplianceReport> {
    const { course, orderCourses } = await this.resolveFilters(spec);
    const params: unknown[] = [spec.unit.id, spec.asOf];
    const filter = enrolmentFilter(spec, course?.id ?? null, orderCourses, params);
    const rows = await this.reads.query<ComplianceSqlRow>(complianceSql(filter), params);
    const order = spec.order;
    return {
      asOf: spec.asOf.toISOString(),
      unit: {
        id: spec.unit.id,
        code: spec.unit.code,
        name: spec.unit.name,
        names: spec.unit.names ?? {},
        timezone: spec.unit.timezone,
      },
      filters: {
        courseId: course?.id ?? null,
        orderId: order?.id ?? null,
        course: course ? { id: course.id, code: course.code, title: course.title } : null,
        order: order
          ? {
              id: order.id,
              number: order.number,
              date: order.date,
              title: order.title,
              deadline: order.deadline,
              courseIds: orderCourses,
            }
          : null,
      },
      ...mapRows(rows, (unitId, own) => {
        const query = new URLSearchParams({ unitId, ...(own ? { scope: 'own' } : {}) });
        if (course) query.set('courseId', course.id);
        if (order) query.set('orderId', order.id);
        query.set('asOf', spec.asOf.toISOString());
        return `/reports/compliance/officers?${query.toString()}`;
      }),
    };
  }

  /** The course asked for, and the courses the order requires (those it lists and its programme's). */
  async resolveFilters(spec: ComplianceSpec): Promise<{ course: CourseView | null; orderCourses: string[] }> {
    const course = spec.courseId ? await this.courses.get(RequestContext.system(), spec.courseId) : null;
    const orderCourses = spec.order ? await this.orderCourses(spec.order) : [];
    return { course, orderCourses };
  }

  /** The courses an order requires: those it lists and its programme's. */
  private async orderCourses(order: OrderView): Promise<string[]> {
    const fromProgramme = order.programmeId ? await this.programmes.courseIds(order.programmeId) : [];
    return [...new Set([...order.courseIds, ...fromProgramme])];
  }
}
