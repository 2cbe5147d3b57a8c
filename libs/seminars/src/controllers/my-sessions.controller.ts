import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { contentDisposition, Ctx, RequestContext, Roles } from '@lms/core';
import { MySessionsQuery } from '../dto/booking.dto';
import { CalendarService } from '../services/calendar.service';
import { MySessionsService } from '../services/my-sessions.service';

@ApiTags('me')
@Controller('me')
export class MySessionsController {
  constructor(
    private readonly mine: MySessionsService,
    private readonly calendars: CalendarService,
  ) {}

  /** Your bookings with their sessions (cancelled ones only when asked for). */
  @Get('sessions')
  @Roles('officer')
  list(@Ctx() ctx: RequestContext, @Query() query: MySessionsQuery) {
    return this.mine.list(ctx, query);
  }

  /** Your booked sessions as one calendar feed. */
  @Get('sessions.ics')
  @Roles('officer')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', contentDisposition('my-seminars.ics'))
  @ApiProduces('text/calendar')
  feed(@Ctx() ctx: RequestContext) {
    return this.calendars.mine(ctx);
  }
}
