import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiDownload, ApiProblems, contentDisposition, Ctx, PageOf, RequestContext, Roles } from '@lms/core';
import { MySessionsQuery } from '../dto/booking.dto';
import { MySessionView } from '../dto/session.response';
import { SEMINARS_ROUTE_PROBLEMS } from '../seminars.errors';
import { CalendarService } from '../services/calendar.service';
import { MySessionsService } from '../services/my-sessions.service';

@ApiTags('me')
@ApiProblems('Seminars', SEMINARS_ROUTE_PROBLEMS)
@Controller('me')
export class MySessionsController {
  constructor(
    private readonly mine: MySessionsService,
    private readonly calendars: CalendarService,
  ) {}

  @Get('sessions')
  @Roles('officer')
  @ApiOperation({
    summary: 'My seminar bookings',
    description: 'Your bookings with their sessions, upcoming first (cancelled ones only when asked for).',
  })
  @ApiOkResponse({ type: PageOf(MySessionView) })
  list(@Ctx() ctx: RequestContext, @Query() query: MySessionsQuery) {
    return this.mine.list(ctx, query);
  }

  @Get('sessions.ics')
  @Roles('officer')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', contentDisposition('my-seminars.ics'))
  @ApiOperation({ summary: 'My seminar calendar', description: 'Your booked sessions as one iCalendar file.' })
  @ApiDownload({ description: 'iCalendar (RFC 5545)', mediaTypes: ['text/calendar'] })
  feed(@Ctx() ctx: RequestContext) {
    return this.calendars.mine(ctx);
  }
}
