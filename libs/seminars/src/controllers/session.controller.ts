import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Ctx, PageOf, RequestContext, Roles } from '@lms/core';
import { CancelSessionDto, CreateSessionDto, ListSessionsQuery, UpdateSessionDto } from '../dto/session.dto';
import { SeminarSessionDetail } from '../dto/session.response';
import { SEMINARS_ROUTE_PROBLEMS } from '../seminars.errors';
import { SchedulingService } from '../services/scheduling.service';
import { SessionService } from '../services/session.service';

@ApiTags('seminars')
@ApiProblems('Seminars', SEMINARS_ROUTE_PROBLEMS)
@Controller('sessions')
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly scheduling: SchedulingService,
  ) {}

  @Post()
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'Schedule a session',
    description:
      'A face-to-face (or online) session of a course’s latest published version, at a unit of your subtree; the trainer double-booked: 409.',
  })
  @ApiCreatedResponse({ type: SeminarSessionDetail })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateSessionDto) {
    return this.scheduling.create(ctx, dto);
  }

  @Get()
  @Roles('officer', 'hr', 'trainer')
  @ApiOperation({
    summary: 'List sessions',
    description:
      'Staff: sessions of their units and above them. Officers: upcoming sessions of courses they are enrolled on. By course, period, unit or trainer.',
  })
  @ApiOkResponse({ type: PageOf(SeminarSessionDetail) })
  list(@Ctx() ctx: RequestContext, @Query() query: ListSessionsQuery) {
    return this.sessions.list(ctx, query);
  }

  @Get(':id')
  @Roles('officer', 'hr', 'trainer')
  @ApiOperation({
    summary: 'Read a session',
    description: 'With its roster for trainers and HR; an officer sees their own booking instead.',
  })
  @ApiOkResponse({ type: SeminarSessionDetail })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.sessions.get(ctx, id);
  }

  @Patch(':id')
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'Change a session',
    description:
      'Reschedule, move, resize (never below the seats booked; more seats fill from the waitlist) or hand over to another trainer.',
  })
  @ApiOkResponse({ type: SeminarSessionDetail })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSessionDto) {
    return this.scheduling.update(ctx, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'Cancel a session',
    description: 'Cancels the session and every booking on it; each officer who held one is notified.',
  })
  @ApiOkResponse({ type: SeminarSessionDetail })
  cancel(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelSessionDto) {
    return this.scheduling.cancel(ctx, id, dto.reason ?? null);
  }
}
