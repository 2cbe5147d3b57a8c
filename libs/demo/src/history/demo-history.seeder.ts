import { Injectable } from '@nestjs/common';
import { AssessmentHistoryService } from '@lms/assessments';
import {
  EnrollmentHistoryService,
  EnrollmentService,
  ListEnrollmentsQuery,
  OrderService,
  RuleService,
} from '@lms/assignments';
import { CourseService, CourseVersionService, ScenarioQuery, ScenarioService } from '@lms/catalogue';
import { RequestContext } from '@lms/core';
import { UserService } from '@lms/identity';
import { ListOfficersQuery, OfficerService, ServiceType, UnitService } from '@lms/personnel';
import { BookingService, SchedulingService, SeminarHistoryService } from '@lms/seminars';
import { demoUnits } from '../demo-organisation';
import { DemoClock } from './demo-clock';
import { DemoTrustSeeder, TrustSummary } from './demo-trust.seeder';
import { everything } from './everything';
import { type DemoWorld, enrolmentKey, type WorldCourse, type WorldOfficer } from './demo-world';
import { DUE_IN_DAYS } from './enrolment-track';
import { assignmentDays, planHistory } from './plan-history';

/** Whom the ministry's order concerns: the external services. */
const EXTERNAL_SERVICES: ServiceType[] = ['patrol', 'district_inspector', 'traffic', 'juvenile'];
/** The first course of the programme is refreshed every six months; the others last as long as their versions say. */
const REFRESHER_MONTHS = 6;

export interface HistorySummary {
  enrolments: number;
  certificates: number;
  pastSessions: number;
  attempts: number;
  practicals: number;
  upcomingSessions: number;
  bookings: number;
  trust: TrustSummary;
}

/**
 * The demo organisation's year of training: the ministry's order, each
 * region's assignment rules (the live services: they validate and enrol),
 * then the history the plan draws, written through each domain's history
 * loader, and the sessions ahead scheduled and booked through the live
 * services. Everything runs as the system, in the caller's transaction.
 */
@Injectable()
export class DemoHistorySeeder {
  constructor(
    private readonly courses: CourseService,
    private readonly versions: CourseVersionService,
    private readonly units: UnitService,
    private readonly officers: OfficerService,
    private readonly users: UserService,
    private readonly orders: OrderService,
    private readonly rules: RuleService,
    private readonly enrollments: EnrollmentService,
    private readonly enrollmentHistory: EnrollmentHistoryService,
    private readonly seminarHistory: SeminarHistoryService,
    private readonly assessmentHistory: AssessmentHistoryService,
    private readonly scheduling: SchedulingService,
    private readonly bookings: BookingService,
    private readonly trust: DemoTrustSeeder,
    private readonly scenarios: ScenarioService,
  ) {}

  /** Loads the year, unless the programme is already in use (then its history is left alone: null). */
  async seed(courseIds: string[], programmeId: string, now: Date): Promise<HistorySummary | null> {
    const ctx = RequestContext.system();
    for (const courseId of courseIds) {
      const query = Object.assign(new ListEnrollmentsQuery(), { courseId, limit: 1 });
      if ((await this.enrollments.list(ctx, query)).total > 0) return null;
    }
    const world = await this.world(ctx, courseIds, programmeId, now);
    const plan = planHistory(world, now);

    const loaded = await this.enrollmentHistory.load(ctx, plan.enrolments);
    const ids = new Map(loaded.map((row) => [enrolmentKey(row), row.id]));
    const idOf = (key: string) => ids.get(key)!;
    const courses = new Map(loaded.map((row) => [enrolmentKey(row), row.courseId]));
    const courseOf = (key: string) => courses.get(key)!;
    // Each role-play on one of its course's scenarios, in turn.
    const bank = (await this.scenarios.list(ctx, Object.assign(new ScenarioQuery(), { limit: 200, offset: 0 }))).items;
    const scenarioOf = (courseId: string, i: number) => {
      const ofCourse = bank.filter((s) => s.courseId === courseId);
      return ofCourse.length ? ofCourse[i % ofCourse.length].id : null;
    };
    await this.seminarHistory.load(
      ctx,
      plan.sessions.map((s) => ({
        ...s,
        attendees: s.attendees.map(({ key, ...a }) => ({ ...a, enrollmentId: idOf(key) })),
      })),
    );
    await this.assessmentHistory.load(ctx, {
      attempts: plan.attempts.map(({ key, ...a }) => ({ ...a, enrollmentId: idOf(key) })),
      practicals: plan.practicals.map(({ key, ...p }, i) => ({
        ...p,
        enrollmentId: idOf(key),
        scenarioId: scenarioOf(courseOf(key), i),
      })),
    });
    let bookings = 0;
    for (const upcoming of plan.upcoming) {
      const session = await this.scheduling.create(ctx, {
        courseId: upcoming.courseId,
        unitId: upcoming.unitId,
        startsAt: upcoming.startsAt.toISOString(),
        endsAt: upcoming.endsAt.toISOString(),
        location: { address: upcoming.address, room: upcoming.room },
        trainerUserId: world.trainerUserId,
        capacity: upcoming.capacity,
        language: upcoming.language,
      });
      for (const officerId of upcoming.bookings) await this.bookings.book(ctx, session.id, officerId);
      bookings += upcoming.bookings.length;
    }
    const trust = await this.trust.seed(ctx, world, plan.enrolments, now);
    return {
      enrolments: loaded.length,
      certificates: plan.enrolments.filter((e) => e.completedAt).length,
      pastSessions: plan.sessions.length,
      attempts: plan.attempts.length,
      practicals: plan.practicals.length,
      upcomingSessions: plan.upcoming.length,
      bookings,
      trust,
    };
  }

  /** The order, the rules and everything the plan needs to know, read from the domains. */
  private async world(ctx: RequestContext, courseIds: string[], programmeId: string, now: Date): Promise<DemoWorld> {
    const courses: WorldCourse[] = [];
    for (const id of courseIds) {
      const course = await this.courses.get(ctx, id);
      if (!course.publishedVersionId) continue;
      const version = (await this.versions.byId(course.publishedVersionId))!;
      courses.push({ id, code: course.code, content: version.content });
    }
    const codes = await this.units.codeIndex();
    const unitId = (code: string) => codes.get(code.toLowerCase())!.id;
    const regions = demoUnits()
      .filter((unit) => unit.parent === 'MVD')
      .map((unit) => unit.code);
    const orderId = await this.order(ctx, courses, programmeId, unitId('MVD'), now);
    const recurrence = new Map<string, number>();
    for (const [index, course] of courses.entries()) {
      const recurrenceMonths = index === 0 ? REFRESHER_MONTHS : undefined;
      if (recurrenceMonths) recurrence.set(course.id, recurrenceMonths);
      for (const region of regions) {
        await this.rules.create(ctx, {
          courseId: course.id,
          orderId,
          audience: { unitIds: [unitId(region)], serviceTypes: EXTERNAL_SERVICES },
          dueInDays: DUE_IN_DAYS,
          recurrenceMonths,
          // The refresher's completion lasts as long as its cycle, not the version's validity.
          validityMonths: recurrenceMonths,
        });
      }
    }

    const officers = new Map<string, WorldOfficer>();
    for (const o of await everything((page) => this.officers.list(ctx, Object.assign(new ListOfficersQuery(), page)))) {
      officers.set(o.id, {
        id: o.id,
        personnelNumber: o.personnelNumber,
        region: o.unitCode.split('-')[0],
        language: o.language === 'kk' ? 'kk' : 'ru',
      });
    }
    const byId = new Map(courses.map((course) => [course.id, course]));
    const enrolled = await everything((page) =>
      this.enrollments.list(ctx, Object.assign(new ListEnrollmentsQuery(), { orderId, ...page })),
    );
    const user = async (username: string) => (await this.users.byUsername(username))!;
    const demoOfficer = await user('officer');
    const hrByRegion = new Map<string, string>();
    for (const [username, region] of [
      ['hr.almaty', 'ALM'],
      ['hr.astana', 'AST'],
    ]) {
      hrByRegion.set(region, (await user(username)).id);
    }
    return {
      courses,
      enrolments: enrolled.map((e) => ({
        officer: officers.get(e.officerId)!,
        course: byId.get(e.courseId)!,
        ruleId: e.ruleId!,
        orderId,
      })),
      recurrence,
      demoOfficerId: demoOfficer.officer_id!,
      trainerUserId: (await user('trainer')).id,
      adminUserId: (await user('admin')).id,
      hrByRegion,
      regionUnitIds: new Map(regions.map((region) => [region, unitId(region)])),
    };
  }

  /** The ministry's order for the programme, issued shortly before its first course was assigned. */
  private async order(
    ctx: RequestContext,
    courses: WorldCourse[],
    programmeId: string,
    ministryId: string,
    now: Date,
  ): Promise<string> {
    const clock = new DemoClock(now);
    const days = assignmentDays(courses.length);
    const date = clock.date((days[0] ?? 0) - 10);
    const order = await this.orders.create(ctx, {
      number: `МВД-${date.slice(0, 4)}/412`,
      date,
      title:
        'О проведении обучающих семинаров по повышению коммуникативной компетентности сотрудников внешних служб полиции',
      issuingAuthority: 'Министр внутренних дел Республики Казахстан',
      unitId: ministryId,
      programmeId,
      courseIds: courses.map((course) => course.id),
      audience: { serviceTypes: EXTERNAL_SERVICES },
      deadline: clock.date(Math.max(...days) + DUE_IN_DAYS + 10),
    });
    return order.id;
  }
}
