import { Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, ApiDownload, ApiProblems, Ctx, Public, RequestContext } from '@lms/core';
import { CalendarFeedList, CreatedCalendarFeed } from '../dto/calendar-feed.dto';
import { SEMINARS_ROUTE_PROBLEMS } from '../seminars.errors';
import { CalendarFeedService } from '../services/calendar-feed.service';

@ApiTags('me')
@ApiProblems('Seminars', SEMINARS_ROUTE_PROBLEMS)
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Post('me/calendar-feeds')
  @AnyRole()
  @ApiOperation({
    summary: 'Create a calendar subscription URL',
    description:
      'A secret URL that calendar apps read without signing in: your booked sessions (officers) and the sessions you run (trainers). Shown only in this answer; only its hash is kept.',
  })
  @ApiCreatedResponse({ type: CreatedCalendarFeed })
  create(@Ctx() ctx: RequestContext): Promise<CreatedCalendarFeed> {
    return this.feeds.create(ctx);
  }

  @Get('me/calendar-feeds')
  @AnyRole()
  @ApiOperation({ summary: 'Your calendar subscription URLs', description: 'Without the URLs themselves.' })
  @ApiOkResponse({ type: CalendarFeedList })
  list(@Ctx() ctx: RequestContext): Promise<CalendarFeedList> {
    return this.feeds.list(ctx);
  }

  @Delete('me/calendar-feeds/:id')
  @AnyRole()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a calendar subscription URL', description: 'The URL answers 404 from now on.' })
  @ApiNoContentResponse()
  revoke(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.feeds.revoke(ctx, id);
  }

  @Get('calendar-feeds/:token/sessions.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiTags('seminars')
  @ApiDownload({ description: 'iCalendar (RFC 5545)', mediaTypes: ['text/calendar'] })
  @ApiOperation({
    summary: 'A calendar feed (iCalendar)',
    description: 'Public, by the secret token in the URL. Unknown or revoked: 404.',
  })
  feed(@Param('token') token: string): Promise<string> {
    return this.feeds.read(token);
  }
}
