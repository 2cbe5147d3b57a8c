import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { MySessionsQuery } from '../dto/booking.dto';
import { MySessionsService } from '../services/my-sessions.service';

@ApiTags('me')
@Controller('me')
export class MySessionsController {
  constructor(private readonly mine: MySessionsService) {}

  /** Your bookings with their sessions (cancelled ones only when asked for). */
  @Get('sessions')
  @Roles('officer')
  list(@Ctx() ctx: RequestContext, @Query() query: MySessionsQuery) {
    return this.mine.list(ctx, query);
  }
}
