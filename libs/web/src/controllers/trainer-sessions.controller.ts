import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { PracticalAssessmentService, weightedPercent } from '@lms/assessments';
import { EnrollmentService } from '@lms/assignments';
import { CourseVersionService, Rubric } from '@lms/catalogue';
import { Ctx, NotFound, RequestContext, Roles } from '@lms/core';
import {
  ATTENDANCE_STATUSES,
  AttendanceService,
  AttendanceStatus,
  SchedulingService,
  SessionDetail,
  SessionService,
} from '@lms/seminars';
import { FormRejected } from '../http/form-rejected';
import { PageContext } from '../http/page-context';
import { Form, Page, redirectTo, WebController } from '../http/page.decorators';
import { PageCtx } from '../http/page-params';
import { seatedOf, signInSheet, waitlistOf } from '../seminars/roster';
import { cancelSessionFromForm, sessionCancelOf } from '../seminars/session-cancel';
import { changeSessionFromForm, sessionChangeOf } from '../seminars/session-change';
import { field, FormBody, numberField } from '../trainer/editor-forms';
import { dayOf, monthGrid, monthLabels, monthOf } from '../trainer/session-calendar';

/**
 * The trainer's sessions: a month's calendar and list, a session's roster
 * (seats and waitlist) with its printable sign-in sheet, attendance for the
 * whole session on one screen, and the rubric form for each attendee.
 */
@WebController()
export class TrainerSessionsController {
  constructor(
    private readonly sessions: SessionService,
    private readonly scheduling: SchedulingService,
    private readonly attendance: AttendanceService,
    private readonly enrollments: EnrollmentService,
    private readonly versions: CourseVersionService,
    private readonly practicals: PracticalAssessmentService,
  ) {}

  @Get('trainer/sessions')
  @Roles('trainer')
  @Page('trainer/sessions', 'trainer.sessions.title')
  async list(@Ctx() ctx: RequestContext, @Query('month') monthParam: unknown, @PageCtx() page: PageContext) {
    const month = monthOf(monthParam, page.timeZone);
    if (!month) throw new NotFound('Month', String(monthParam));
    // A day's margin either side of the month in UTC; each session is then placed on its day in the unit's zone.
    const from = new Date(Date.UTC(month.year, month.month - 1, 0));
    const to = new Date(Date.UTC(month.year, month.month, 2));
    const { items } = await this.sessions.list(ctx, {
      trainerUserId: ctx.userId ?? undefined,
      from: from.toISOString(),
      to: to.toISOString(),
      limit: 200,
      offset: 0,
    });
    const labels = monthLabels(page.lang, month);
    const inMonth = items
      .map((session) => ({ ...session, day: dayOf(session.startsAt, page.timeZone) }))
      .filter((session) => session.day.startsWith(labels.value))
      .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
    const days: { dayKey: string; sessions: typeof inMonth }[] = [];
    for (const session of inMonth) {
      const last = days.at(-1);
      if (last?.dayKey === session.day) last.sessions.push(session);
      else days.push({ dayKey: session.day, sessions: [session] });
    }
    return {
      month: labels,
      weeks: monthGrid(
        month,
        inMonth.map((s) => s.day),
        dayOf(new Date(), page.timeZone),
      ),
      days: days.map((day) => ({ ...day, when: day.sessions[0].startsAt })),
    };
  }

  @Get('trainer/sessions/:id')
  @Roles('trainer')
  @Page('trainer/session', 'trainer.session.title')
  async session(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @PageCtx() page: PageContext) {
    const session = await this.sessions.get(ctx, id);
    page.title = `${page.t('trainer.session.title')} · ${page.format.date(session.startsAt)}`;
    return this.sessionModel(ctx, session);
  }

  /** The sign-in sheet to print for the room: our page, its print style leaving out the menus. */
  @Get('trainer/sessions/:id/sign-in-sheet')
  @Roles('trainer')
  @Page('trainer/sign-in-sheet', 'trainer.session.sheet')
  async sheet(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return signInSheet(await this.sessions.get(ctx, id), `/trainer/sessions/${id}`);
  }

  /** Present, late, absent or excused for everyone with a seat, in one form; hours credited by the service. */
  @Post('trainer/sessions/:id/attendance')
  @Roles('trainer')
  @Form('trainer/session', 'trainer.session.title')
  async recordAttendance(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    const session = await this.sessions.get(ctx, id);
    const entries = seatedOf(session).flatMap((entry) => {
      const status = field(body, `a_${entry.officerId}`);
      return (ATTENDANCE_STATUSES as readonly string[]).includes(status)
        ? [{ officerId: entry.officerId, status: status as AttendanceStatus }]
        : [];
    });
    if (entries.length === 0) {
      const model = await this.sessionModel(ctx, session);
      throw FormRejected.of(body, { attendance: 'errors.noneMarked' }, 'errors.noneMarked', model);
    }
    try {
      await this.attendance.record(ctx, id, entries);
    } catch (error) {
      if ((error as { code?: string }).code === 'session-not-started') {
        throw FormRejected.of(body, {}, 'errors.notStarted', await this.sessionModel(ctx, session), 409);
      }
      throw error;
    }
    return redirectTo(`/trainer/sessions/${id}#attendance`, 'attendanceSaved');
  }

  /** The session's trainer (or one of its unit or above) cancels it before it starts; every booking goes and each officer is told. */
  @Post('trainer/sessions/:id/cancel')
  @Roles('trainer')
  @Form('trainer/session', 'trainer.session.title')
  async cancelSession(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    const model = async () => this.sessionModel(ctx, await this.sessions.get(ctx, id));
    await cancelSessionFromForm(this.scheduling, ctx, id, body, model);
    return redirectTo(`/trainer/sessions/${id}`, 'sessionCancelled');
  }

  /** Moves, reschedules or resizes the session, as HR can; only what was typed differently changes. */
  @Post('trainer/sessions/:id/change')
  @Roles('trainer')
  @Form('trainer/session', 'trainer.session.title')
  async changeSession(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    const session = await this.sessions.get(ctx, id);
    const timeZone = await this.scheduling.timeZone(ctx);
    const model = () => this.sessionModel(ctx, session);
    const changed = await changeSessionFromForm(this.scheduling, ctx, session, body, timeZone, model);
    return redirectTo(`/trainer/sessions/${id}`, changed ? 'sessionChanged' : 'sessionUnchanged');
  }

  @Get('trainer/sessions/:id/grade/:officerId')
  @Roles('trainer')
  @Page('trainer/grade', 'trainer.grade.title')
  async grade(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('officerId', ParseUUIDPipe) officerId: string,
  ) {
    return { ...(await this.gradeModel(ctx, id, officerId)), form: { values: {}, errors: {} } };
  }

  /** Saves the scores (or, with Check, shows the weighted result and pass or fail first). */
  @Post('trainer/sessions/:id/grade/:officerId')
  @Roles('trainer')
  @Form('trainer/grade', 'trainer.grade.title')
  async saveGrade(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('officerId', ParseUUIDPipe) officerId: string,
    @Body() body: FormBody,
  ) {
    const model = await this.gradeModel(ctx, id, officerId);
    const errors: Record<string, string> = {};
    const scores = model.criteria.map((c) => ({
      criterionId: c.id,
      score: numberField(body, `s_${c.id}`, [0, c.maxScore], errors, true),
    }));
    for (const s of scores) if (s.score === null) errors[`s_${s.criterionId}`] ??= 'errors.required';
    if (Object.keys(errors).length) throw FormRejected.of(body, errors, undefined, model);
    const given = scores.map((s) => ({ criterionId: s.criterionId, score: s.score! }));
    const result = weightedPercent(model.rubric, given);
    if (field(body, 'intent') === 'check') {
      const checked = { ...model, result: { score: result, passed: result >= model.rubric.passThreshold } };
      throw FormRejected.of(body, {}, undefined, checked, 200);
    }
    await this.practicals.assess(ctx, model.enrolment.id, {
      scores: given,
      comment: field(body, 'comment').trim() || undefined,
    });
    return redirectTo(`/trainer/sessions/${id}#attendance`, 'assessmentSaved');
  }

  private async sessionModel(ctx: RequestContext, session: SessionDetail) {
    const started = new Date(session.startsAt).getTime() <= Date.now();
    const seated = seatedOf(session);
    return {
      session,
      started,
      sessionCancel: sessionCancelOf(session, `/trainer/sessions/${session.id}/cancel`),
      sessionChange: sessionChangeOf(
        session,
        `/trainer/sessions/${session.id}/change`,
        await this.scheduling.timeZone(ctx),
      ),
      seated: seated.map((entry, i) => ({
        ...entry,
        n: i + 1,
        marks: ATTENDANCE_STATUSES.map((status) => ({ status, checked: entry.attendance?.status === status })),
      })),
      waitlist: waitlistOf(session),
      hoursCredited: seated.reduce((sum, entry) => sum + (entry.attendance?.hours ?? 0), 0),
    };
  }

  private async gradeModel(ctx: RequestContext, sessionId: string, officerId: string) {
    const session = await this.sessions.get(ctx, sessionId);
    const entry = seatedOf(session).find((e) => e.officerId === officerId);
    if (!entry) throw new NotFound('Attendee', officerId);
    const { items } = await this.enrollments.list(ctx, {
      officerId,
      courseId: session.courseId,
      limit: 20,
      offset: 0,
    });
    const enrolment = items.find((e) => e.courseVersionId === session.courseVersionId) ?? items[0];
    if (!enrolment) throw new NotFound('Enrolment', officerId);
    const version = await this.versions.get(ctx, enrolment.courseVersionId ?? session.courseVersionId);
    if (!version.rubric || version.rubric.criteria.length === 0) throw new NotFound('Rubric', version.id);
    const rubric: Rubric = version.rubric;
    const { items: history } = await this.practicals.list(ctx, enrolment.id, { limit: 20, offset: 0 });
    const names = new Map(rubric.criteria.map((c) => [c.id, c.description]));
    return {
      session,
      entry,
      enrolment,
      rubric,
      criteria: rubric.criteria.map((c, i) => ({ ...c, n: i + 1 })),
      history: history.map((h) => ({
        ...h,
        scores: h.scores.map((s) => ({ ...s, description: names.get(s.criterionId) ?? null })),
      })),
      passed: enrolment.progress.practicalPassed,
      result: null as { score: number; passed: boolean } | null,
    };
  }
}
