import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Ctx, PageOf, RequestContext, Roles } from '@lms/core';
import {
  CreateDrillAssignmentDto,
  DrillAssignmentQuery,
  DrillAssignmentView,
  DrillSessionQuery,
  DrillSessionView,
  RecordDrillSessionDto,
} from '../dto/drill-training.dto';
import { SEMINARS_ROUTE_PROBLEMS } from '../seminars.errors';
import { DrillTrainingService } from '../services/drill-training.service';

@ApiTags('seminars')
@ApiProblems('Seminars', SEMINARS_ROUTE_PROBLEMS)
@Controller()
export class DrillTrainingController {
  constructor(private readonly training: DrillTrainingService) {}

  @Post('drill-assignments')
  @Roles('hr')
  @ApiOperation({
    summary: 'Assign a drill plan to a unit',
    description:
      'From the week of `startsOn` (a Monday) the unit and its subtree run one drill of the plan a week in their service training. HR of the unit, admins.',
  })
  @ApiCreatedResponse({ type: DrillAssignmentView })
  assign(@Ctx() ctx: RequestContext, @Body() dto: CreateDrillAssignmentDto) {
    return this.training.assign(ctx, dto);
  }

  @Get('drill-assignments')
  @Roles('trainer', 'hr')
  @ApiOperation({
    summary: 'List drill plan assignments',
    description:
      'Those in the caller’s units, each with this week’s number and drill; with `unitId`, those that apply to that unit (assigned to it or to a unit above it).',
  })
  @ApiOkResponse({ type: PageOf(DrillAssignmentView) })
  listAssignments(@Ctx() ctx: RequestContext, @Query() query: DrillAssignmentQuery) {
    return this.training.listAssignments(ctx, query);
  }

  @Delete('drill-assignments/:id')
  @Roles('hr')
  @HttpCode(204)
  @ApiOperation({
    summary: 'End a drill plan assignment',
    description: 'No more weeks are planned from it; drills recorded under it stay.',
  })
  @ApiNoContentResponse({ description: 'Ended' })
  retire(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.training.retireAssignment(ctx, id);
  }

  @Post('drill-sessions')
  @Roles('trainer', 'hr')
  @ApiOperation({
    summary: 'Record a drill held with a shift',
    description:
      'The unit head (trainer role for the unit) or HR records which drill was run, when, and who took part: active officers of the unit’s subtree (422 naming each that is not). It counts towards the plan week it fell in.',
  })
  @ApiCreatedResponse({ type: DrillSessionView })
  record(@Ctx() ctx: RequestContext, @Body() dto: RecordDrillSessionDto) {
    return this.training.record(ctx, dto);
  }

  @Get('drill-sessions')
  @Roles('trainer', 'hr')
  @ApiOperation({
    summary: 'List drills held',
    description: 'Drill sessions of the caller’s units (or `unitId`’s subtree), latest first, with who took part.',
  })
  @ApiOkResponse({ type: PageOf(DrillSessionView) })
  listSessions(@Ctx() ctx: RequestContext, @Query() query: DrillSessionQuery) {
    return this.training.listSessions(ctx, query);
  }

  @Get('drill-sessions/:id')
  @Roles('trainer', 'hr')
  @ApiOperation({ summary: 'Read a drill held', description: 'With its drill, plan week and participants.' })
  @ApiOkResponse({ type: DrillSessionView })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.training.get(ctx, id);
  }
}
