import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { contentDisposition, Ctx, RequestContext, Roles } from '@lms/core';
import { CalendarService } from '../services/calendar.service';
import { RosterExportService } from '../services/roster-export.service';

@ApiTags('seminars')
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
  @ApiProduces('text/csv')
  rosterCsv(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.rosters.csv(ctx, id);
  }

  /** The printable sign-in sheet (kk/ru), with a signature column. */
  @Get(':id/roster.html')
  @Roles('hr', 'trainer')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  rosterHtml(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.rosters.html(ctx, id);
  }

  @Get(':id/calendar.ics')
  @Roles('officer', 'hr', 'trainer')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', contentDisposition('seminar.ics'))
  @ApiProduces('text/calendar')
  calendar(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.calendars.session(ctx, id);
  }
}
