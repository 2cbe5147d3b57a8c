import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CourseService } from '@lms/catalogue';
import { Ctx, DomainError, RequestContext, Roles, ValidationFailed } from '@lms/core';
import { OfficerService } from '@lms/personnel';
import {
  BookingCandidates,
  BookingService,
  CreateSessionDto,
  SchedulingService,
  SESSION_LANGUAGES,
  SessionDetail,
  SessionService,
} from '@lms/seminars';
import { FormRejected } from '../http/form-rejected';
import { PageContext } from '../http/page-context';
import { Action, Form, Page, redirectTo, WebController } from '../http/page.decorators';
import { PageCtx } from '../http/page-params';
import { instantOf, localInputOf } from '../seminars/local-time';
import { aheadOf, seatedOf, signInSheet, waitlistOf } from '../seminars/roster';
import { cancelSessionFromForm, sessionCancelOf } from '../seminars/session-cancel';
import { changeSessionFromForm, sessionChangeOf } from '../seminars/session-change';
import { field, FormBody } from '../trainer/editor-forms';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Officers offered for booking at once; a search narrows a longer list. */
const CANDIDATES = 50;

/** The form's field for each of the API's fields (`location.address` is typed as `address`). */
const FORM_FIELD: Record<string, string> = { location: 'address' };

/** What the service refuses with, beside the field it is about. */
const CREATE_REFUSALS: Record<string, [string, string]> = {
  'trainer-double-booked': ['trainerUserId', 'errors.trainerBusy'],
  'trainer-not-qualified': ['trainerUserId', 'errors.trainerNotQualified'],
  'not-a-trainer': ['trainerUserId', 'errors.invalid'],
  'invalid-schedule': ['startsAt', 'errors.startsInFuture'],
  'course-not-published': ['courseId', 'errors.invalid'],
};

/** Why a booking of one officer was refused, as the form says it. */
const BOOKING_REFUSALS: Record<string, string> = {
  'already-booked': 'errors.officerAlreadyBooked',
  'no-open-enrollment': 'errors.officerNotEnrolled',
  'seminar-already-attended': 'errors.officerAttended',
  'session-started': 'errors.sessionStarted',
  'session-cancelled': 'errors.sessionClosed',
  'session-completed': 'errors.sessionClosed',
  'booking-deadline-passed': 'errors.bookingClosed',
};

/** The list's filters as typed in the address; the period starts today unless `from` is given (even blank). */
function filtersOf(query: Record<string, unknown>, timeZone: string) {
  const text = (name: string) => (typeof query[name] === 'string' ? query[name].trim() : '');
  const filters = {
    courseId: text('courseId'),
    from: 'from' in query ? text('from') : localInputOf(new Date(), timeZone).slice(0, 10),
    to: text('to'),
  };
  const from = filters.from ? instantOf(filters.from, timeZone) : undefined;
  const to = filters.to ? instantOf(filters.to, timeZone) : undefined;
  const problems = [
    ...(filters.courseId && !UUID.test(filters.courseId) ? [{ field: 'courseId', message: 'must be a UUID' }] : []),
    ...((filters.from && (!DAY.test(filters.from) || !from)) || (filters.to && (!DAY.test(filters.to) || !to))
      ? [{ field: 'from', message: 'a day YYYY-MM-DD' }]
      : []),
  ];
  if (problems.length) throw new ValidationFailed('The list filters are not valid', problems);
  // `to` is the last day shown: sessions starting before the next midnight.
  const until = to ? new Date(to.getTime() + 24 * 3600 * 1000) : undefined;
  return { filters, from: from?.toISOString(), to: until?.toISOString() };
}

/** Officers ticked on the booking form: one value or several, each a UUID. */
function officerIdsOf(body: FormBody): string[] {
  const raw = body.officerId;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return [...new Set(list.filter((id): id is string => typeof id === 'string' && UUID.test(id)))].slice(0, CANDIDATES);
}

/**
 * HR's seminar scheduling: sessions in its scope (upcoming first) with a new
 * session's form (course, time in the unit's zone, place, a trainer HR may
 * assign, capacity, language), and a session's roster where officers of its
 * subtree enrolled on the course are booked, several at once, or cancelled.
 * The seminars services decide everything, as for the API.
 */
@WebController()
export class HrSeminarsController {
  constructor(
    private readonly sessions: SessionService,
    private readonly scheduling: SchedulingService,
    private readonly bookings: BookingService,
    private readonly candidates: BookingCandidates,
    private readonly courses: CourseService,
    private readonly officers: OfficerService,
  ) {}

  @Get('hr/seminars')
  @Roles('hr')
  @Page('hr/seminars', 'hr.seminars.title')
  async list(@Ctx() ctx: RequestContext, @Query() query: Record<string, unknown>, @PageCtx() page: PageContext) {
    const model = await this.listModel(ctx, query);
    const start = localInputOf(new Date(Date.now() + 7 * 24 * 3600 * 1000), model.timeZone).slice(0, 10);
    const defaults = {
      startsAt: `${start}T10:00`,
      endsAt: `${start}T13:00`,
      capacity: '20',
      language: page.lang === 'kk' ? 'kk' : 'ru',
    };
    return { ...model, form: { values: defaults, errors: {} } };
  }

  @Post('hr/seminars')
  @Roles('hr')
  @Form('hr/seminars', 'hr.seminars.title')
  async create(@Ctx() ctx: RequestContext, @Body() body: FormBody) {
    const model = await this.listModel(ctx, {});
    const reject = (errors: Record<string, string>, status?: number) =>
      FormRejected.of(body, errors, undefined, model, status);
    const errors: Record<string, string> = {};
    const when = (name: string) => {
      const typed = field(body, name).trim();
      const instant = typed ? instantOf(typed, model.timeZone) : null;
      if (!instant) errors[name] = typed ? 'errors.invalid' : 'errors.required';
      return instant?.toISOString();
    };
    const optional = (name: string) => field(body, name).trim() || undefined;
    const capacity = field(body, 'capacity').trim();
    const dto = plainToInstance(CreateSessionDto, {
      courseId: field(body, 'courseId'),
      startsAt: when('startsAt'),
      endsAt: when('endsAt'),
      location: { address: optional('address'), room: optional('room'), onlineUrl: optional('onlineUrl') },
      trainerUserId: field(body, 'trainerUserId'),
      capacity: /^\d{1,5}$/.test(capacity) ? Number(capacity) : capacity,
      language: field(body, 'language'),
    });
    // The API's own rules, field by field.
    for (const problem of await validate(dto, { whitelist: true })) {
      const name = FORM_FIELD[problem.property] ?? problem.property;
      const nested = problem.children?.[0]?.property;
      const key = problem.property === 'location' && nested ? nested : name;
      errors[key] ??= problem.property === 'capacity' ? 'errors.range|1|10000' : 'errors.invalid';
    }
    for (const name of ['courseId', 'trainerUserId', 'language'])
      if (!field(body, name)) errors[name] = 'errors.required';
    if (Object.keys(errors).length) throw reject(errors);
    try {
      const session = await this.scheduling.create(ctx, dto);
      return redirectTo(`/hr/seminars/${session.id}`, 'sessionScheduled');
    } catch (error) {
      const refusal = error instanceof DomainError ? CREATE_REFUSALS[error.code] : undefined;
      if (refusal) throw reject({ [refusal[0]]: refusal[1] }, (error as DomainError).status);
      throw error;
    }
  }

  @Get('hr/seminars/:id')
  @Roles('hr')
  @Page('hr/seminar', 'hr.seminar.title')
  async session(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('q') q: unknown,
    @PageCtx() page: PageContext,
  ) {
    const search = typeof q === 'string' ? q.trim().slice(0, 100) : '';
    const model = await this.sessionModel(ctx, id, search);
    page.title = `${page.t('hr.seminar.title')} · ${page.format.date(model.session.startsAt)}`;
    return model;
  }

  /** Books the ticked officers: all of them (seats first, then the waitlist) or, refused for one, none. */
  @Post('hr/seminars/:id/bookings')
  @Roles('hr')
  @Form('hr/seminar', 'hr.seminar.title')
  async book(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    const officerIds = officerIdsOf(body);
    if (officerIds.length === 0) {
      throw FormRejected.of(body, { officerId: 'errors.noneChosen' }, undefined, await this.sessionModel(ctx, id, ''));
    }
    try {
      const results = await this.bookings.bookMany(ctx, id, officerIds);
      const waiting = results.some((result) => result.status === 'waitlisted');
      return redirectTo(`/hr/seminars/${id}#roster`, waiting ? 'officersBookedSomeWaiting' : 'officersBooked');
    } catch (error) {
      const message = error instanceof DomainError ? BOOKING_REFUSALS[error.code] : undefined;
      if (!message) throw error;
      const refused = (error as DomainError).extra.officerId;
      const model = {
        ...(await this.sessionModel(ctx, id, '')),
        refusedFor: typeof refused === 'string' ? (await this.officers.get(ctx, refused)).fullName : null,
      };
      throw new FormRejected({ values: {}, errors: {}, message }, model, (error as DomainError).status);
    }
  }

  @Post('hr/seminars/:id/bookings/:bookingId/cancel')
  @Roles('hr')
  @Action()
  async cancelBooking(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('bookingId', ParseUUIDPipe) bookingId: string,
  ) {
    await this.bookings.cancel(ctx, bookingId);
    return redirectTo(`/hr/seminars/${id}#roster`, 'bookingCancelledByHr');
  }

  /** Moves, reschedules or resizes the session (PATCH /sessions/:id): only what was typed differently changes. */
  @Post('hr/seminars/:id/change')
  @Roles('hr')
  @Form('hr/seminar', 'hr.seminar.title')
  async changeSession(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    const session = await this.sessions.get(ctx, id);
    const timeZone = await this.scheduling.timeZone(ctx);
    const changed = await changeSessionFromForm(this.scheduling, ctx, session, body, timeZone, () =>
      this.sessionModel(ctx, id, ''),
    );
    return redirectTo(`/hr/seminars/${id}`, changed ? 'sessionChanged' : 'sessionUnchanged');
  }

  /** Cancels the session and every booking on it; each officer who held one is told (POST /sessions/:id/cancel). */
  @Post('hr/seminars/:id/cancel')
  @Roles('hr')
  @Form('hr/seminar', 'hr.seminar.title')
  async cancelSession(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    await cancelSessionFromForm(this.scheduling, ctx, id, body, () => this.sessionModel(ctx, id, ''));
    return redirectTo(`/hr/seminars/${id}`, 'sessionCancelled');
  }

  /** The same printable sign-in sheet the trainer has. */
  @Get('hr/seminars/:id/sign-in-sheet')
  @Roles('hr')
  @Page('trainer/sign-in-sheet', 'trainer.session.sheet')
  async sheet(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return signInSheet(await this.sessions.get(ctx, id), `/hr/seminars/${id}`);
  }

  /** Sessions and the new session's choices; days and times in the time zone of HR's unit, which holds new sessions. */
  private async listModel(ctx: RequestContext, query: Record<string, unknown>) {
    const { timeZone, trainers } = await this.scheduling.choices(ctx);
    const { filters, from, to } = filtersOf(query, timeZone);
    const [{ items }, { items: courses }] = await Promise.all([
      this.sessions.list(ctx, { courseId: filters.courseId || undefined, from, to, limit: 200, offset: 0 }),
      this.courses.list(ctx, { limit: 500, offset: 0 }),
    ]);
    const now = Date.now();
    const ends = (s: SessionDetail) => new Date(s.endsAt).getTime();
    const starts = (s: SessionDetail) => new Date(s.startsAt).getTime();
    const upcoming = items.filter((s) => ends(s) > now).sort((a, b) => starts(a) - starts(b));
    const past = items.filter((s) => ends(s) <= now).sort((a, b) => starts(b) - starts(a));
    return {
      filters,
      sessions: [...upcoming, ...past].map((s) => ({ ...s, past: ends(s) <= now })),
      courses: courses
        .filter((course) => course.publishedVersionId)
        .map((course) => ({ ...course, selected: course.id === filters.courseId })),
      trainers,
      timeZone,
      languages: SESSION_LANGUAGES,
    };
  }

  /** The change form with the trainers HR may hand the session over to, times in HR's unit's zone. */
  private async changeForm(ctx: RequestContext, session: SessionDetail) {
    if (!session.mayManage) return null;
    const { timeZone, trainers } = await this.scheduling.choices(ctx);
    return sessionChangeOf(session, `/hr/seminars/${session.id}/change`, timeZone, trainers);
  }

  private async sessionModel(ctx: RequestContext, id: string, q: string) {
    const session = await this.sessions.get(ctx, id);
    const open = aheadOf(session);
    const found = open ? await this.candidates.list(ctx, id, { q: q || undefined, limit: CANDIDATES }) : null;
    return {
      session,
      open,
      cancelable: open,
      sessionCancel: sessionCancelOf(session, `/hr/seminars/${id}/cancel`),
      sessionChange: await this.changeForm(ctx, session),
      seated: seatedOf(session).map((entry, i) => ({ ...entry, n: i + 1 })),
      waitlist: waitlistOf(session),
      candidates: found?.items ?? [],
      more: found ? Math.max(found.total - found.items.length, 0) : 0,
      q,
      refusedFor: null as string | null,
      form: { values: {}, errors: {} },
    };
  }
}
