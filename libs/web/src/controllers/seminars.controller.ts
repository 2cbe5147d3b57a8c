import { Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { contentDisposition, Ctx, RequestContext, Roles } from '@lms/core';
import { BookingService, CalendarService, MySessionsService, SessionService } from '@lms/seminars';
import { Action, Page, redirectTo, WebController } from '../http/page.decorators';

const ACTIVE = new Set(['booked', 'waitlisted']);

/** Seminar sessions of the officer's courses: book, join the waitlist, cancel, add to a calendar. */
@WebController()
export class SeminarsController {
  constructor(
    private readonly sessions: SessionService,
    private readonly mine: MySessionsService,
    private readonly bookings: BookingService,
    private readonly calendars: CalendarService,
  ) {}

  @Get('me/seminars')
  @Roles('officer')
  @Page('officer/seminars', 'seminars.title')
  async list(@Ctx() ctx: RequestContext) {
    const [{ items: upcoming }, { items: bookings }] = await Promise.all([
      this.sessions.list(ctx, { limit: 200, offset: 0 }),
      this.mine.list(ctx, { limit: 200, offset: 0 }),
    ]);
    const now = Date.now();
    const active = bookings.filter((b) => ACTIVE.has(b.status) && new Date(b.session.endsAt).getTime() > now);
    // One active booking per course: its other sessions are not offered until that one is cancelled.
    const bookedCourses = new Set(active.map((b) => b.session.courseId));
    const bookable = upcoming
      .filter((session) => !bookedCourses.has(session.courseId))
      .map((session) => ({ ...session, full: session.available === 0 }));
    return { active, bookable };
  }

  @Post('me/seminars/:id/book')
  @Roles('officer')
  @Action()
  async book(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    const booking = await this.bookings.book(ctx, id);
    return redirectTo('/me/seminars', booking.status === 'booked' ? 'seatBooked' : 'waitlisted');
  }

  @Post('me/bookings/:id/cancel')
  @Roles('officer')
  @Action()
  async cancel(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    await this.bookings.cancel(ctx, id);
    return redirectTo('/me/seminars', 'bookingCancelled');
  }

  @Get('me/seminars/:id/calendar.ics')
  @Roles('officer')
  async calendar(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    const ics = await this.calendars.session(ctx, id);
    response
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', contentDisposition('seminar.ics'))
      .send(ics);
  }
}
