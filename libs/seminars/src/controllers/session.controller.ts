import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { CancelSessionDto, CreateSessionDto, ListSessionsQuery, UpdateSessionDto } from '../dto/session.dto';
import { SchedulingService } from '../services/scheduling.service';
import { SessionService } from '../services/session.service';

@ApiTags('seminars')
@Controller('sessions')
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly scheduling: SchedulingService,
  ) {}

  /** Schedules a session of a course's latest published version, at a unit of your subtree. */
  @Post()
  @Roles('hr', 'trainer')
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateSessionDto) {
    return this.scheduling.create(ctx, dto);
  }

  /** Staff: sessions of their units (and above them). Officers: upcoming sessions of courses they are enrolled on. */
  @Get()
  @Roles('officer', 'hr', 'trainer')
  list(@Ctx() ctx: RequestContext, @Query() query: ListSessionsQuery) {
    return this.sessions.list(ctx, query);
  }

  /** With its roster for trainers and HR; an officer sees their own booking instead. */
  @Get(':id')
  @Roles('officer', 'hr', 'trainer')
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.sessions.get(ctx, id);
  }

  /** Reschedule, move, resize (never below the seats booked) or hand over to another trainer. */
  @Patch(':id')
  @Roles('hr', 'trainer')
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSessionDto) {
    return this.scheduling.update(ctx, id, dto);
  }

  /** Cancels the session and every booking on it; each officer who held one is notified. */
  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('hr', 'trainer')
  cancel(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelSessionDto) {
    return this.scheduling.cancel(ctx, id, dto.reason ?? null);
  }
}
