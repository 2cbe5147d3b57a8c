import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Ctx, PageOf, RequestContext, Roles } from '@lms/core';
import { SetQualificationsDto, TrainerProfileView, TrainerQuery } from '../dto/trainer.dto';
import { SEMINARS_ROUTE_PROBLEMS } from '../seminars.errors';
import { TrainerProfileService } from '../services/trainer-profile.service';

@ApiTags('seminars')
@ApiProblems('Seminars', SEMINARS_ROUTE_PROBLEMS)
@Controller('trainers')
export class TrainerController {
  constructor(private readonly profiles: TrainerProfileService) {}

  @Get()
  @Roles('trainer', 'hr')
  @ApiOperation({
    summary: 'List trainers',
    description:
      'Active users holding the trainer role, each with their qualifications (psychology, conflictology, communication); whoever schedules seminars sees every trainer. `qualification` keeps those qualified in that area.',
  })
  @ApiOkResponse({ type: PageOf(TrainerProfileView) })
  list(@Ctx() ctx: RequestContext, @Query() query: TrainerQuery) {
    return this.profiles.list(ctx, query);
  }

  @Get(':userId')
  @Roles('trainer', 'hr')
  @ApiOperation({ summary: 'Read a trainer profile', description: 'The trainer and their qualifications.' })
  @ApiOkResponse({ type: TrainerProfileView })
  get(@Ctx() ctx: RequestContext, @Param('userId', ParseUUIDPipe) userId: string) {
    return this.profiles.get(ctx, userId);
  }

  @Put(':userId/qualifications')
  @Roles('hr')
  @ApiOperation({
    summary: 'Record a trainer’s qualifications',
    description:
      'HR of a unit where the user holds the trainer role (or an admin) records what the trainer is qualified in and what shows it; the list replaces the one held. A programme whose seminars must be run by a qualified trainer refuses to schedule a trainer without one of its areas.',
  })
  @ApiOkResponse({ type: TrainerProfileView })
  set(@Ctx() ctx: RequestContext, @Param('userId', ParseUUIDPipe) userId: string, @Body() dto: SetQualificationsDto) {
    return this.profiles.setQualifications(ctx, userId, dto);
  }
}
