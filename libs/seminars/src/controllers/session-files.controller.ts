import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiDownload, ApiProblems, contentDisposition, Ctx, RequestContext, Roles } from '@lms/core';
import { SEMINARS_ROUTE_PROBLEMS } from '../seminars.errors';
import { CalendarService } from '../services/calendar.service';
import { RosterExportService } from '../services/roster-export.service';

@ApiTags('seminars')
@ApiProblems('Seminars', SEMINARS_ROUTE_PROBLEMS)
@Controller('sessions')
export class SessionFilesController {
  constructor(
    private readonly rosters: RosterExportService,
    private readonly calendars: CalendarService,
  ) {}

  @Get(':id/roster.csv')
  @Roles('hr', 'trainer')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', contentDisposition('roster.csv'))
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Download the roster',
    description: 'Booked and waitlisted officers with their attendance, as CSV.',
  })
  @ApiDownload({ description: 'The roster (UTF-8 CSV)', mediaTypes: ['text/csv'] })
  rosterCsv(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.rosters.csv(ctx, id);
  }

  @Get(':id/roster.html')
  @Roles('hr', 'trainer')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Print the sign-in sheet',
    description: 'The printable sign-in sheet in Kazakh and Russian, with a signature column.',
  })
  @ApiDownload({ description: 'A printable HTML page', mediaTypes: ['text/html'] })
  rosterHtml(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.rosters.html(ctx, id);
  }

  @Get(':id/calendar.ics')
  @Roles('officer', 'hr', 'trainer')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', contentDisposition('seminar.ics'))
  @ApiOperation({ summary: 'Download the session', description: 'The session as an iCalendar event.' })
  @ApiDownload({ description: 'iCalendar (RFC 5545)', mediaTypes: ['text/calendar'] })
  calendar(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.calendars.session(ctx, id);
  }
}
