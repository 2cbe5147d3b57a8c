import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Ctx, PageOf, RequestContext, Roles } from '@lms/core';
import { ASSIGNMENTS_ROUTE_PROBLEMS } from '../assignments.errors';
import { ManualAssignmentResult } from '../dto/assignment.response';
import { ExemptionDto, ListEnrollmentsQuery, ManualAssignmentDto, MeEnrollmentsQuery } from '../dto/enrollment.dto';
import { EnrollmentView, MyEnrollmentView } from '../dto/enrollment.response';
import { EnrollmentService } from '../services/enrollment.service';

@ApiTags('orders and assignments')
@ApiProblems('Assignments', ASSIGNMENTS_ROUTE_PROBLEMS)
@Controller()
export class EnrollmentController {
  constructor(private readonly enrollments: EnrollmentService) {}

  @Get('enrollments')
  @Roles('officer', 'hr', 'trainer')
  @ApiOperation({
    summary: 'List enrolments',
    description:
      'Enrolments of officers in your subtrees (an officer: their own), by officer, course, unit subtree, order, rule, status (`overdue`: open and past due) or due date.',
  })
  @ApiOkResponse({ type: PageOf(EnrollmentView) })
  list(@Ctx() ctx: RequestContext, @Query() query: ListEnrollmentsQuery) {
    return this.enrollments.list(ctx, query);
  }

  @Post('enrollments')
  @Roles('hr')
  @ApiOperation({
    summary: 'Assign a course by hand',
    description:
      'Enrols named officers of your subtree on a published course, with a due date or a number of days and an optional reason (kept in the audit trail); those already enrolled or dismissed are skipped.',
  })
  @ApiCreatedResponse({ type: ManualAssignmentResult })
  assign(@Ctx() ctx: RequestContext, @Body() dto: ManualAssignmentDto) {
    return this.enrollments.assignManually(ctx, dto);
  }

  @Get('enrollments/:id')
  @Roles('officer', 'hr', 'trainer')
  @ApiOperation({
    summary: 'Read an enrolment',
    description: 'With its progress; an officer reads their own, HR and trainers those of their subtrees.',
  })
  @ApiOkResponse({ type: EnrollmentView })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.enrollments.get(ctx, id);
  }

  @Post('enrollments/:id/exemption')
  @HttpCode(200)
  @Roles('hr')
  @ApiOperation({
    summary: 'Exempt an officer',
    description: 'Closes an open enrolment as exempted, with the reason; completed or closed ones: 409.',
  })
  @ApiOkResponse({ type: EnrollmentView })
  exempt(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ExemptionDto) {
    return this.enrollments.exempt(ctx, id, dto.reason);
  }

  @Post('enrollments/:id/start')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({
    summary: 'Start a course',
    description: 'Pins the course version published now; the enrolment is in progress. Starting again changes nothing.',
  })
  @ApiOkResponse({ type: EnrollmentView })
  start(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.enrollments.startOwn(ctx, id);
  }

  @Post('enrollments/:id/lessons/:lessonId/read')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({
    summary: 'Mark a lesson read',
    description:
      'The officer has read a lesson of the pinned version; with all read, lessons count as read and the enrolment may complete.',
  })
  @ApiOkResponse({ type: EnrollmentView })
  lessonRead(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
  ) {
    return this.enrollments.markLessonRead(ctx, id, lessonId);
  }

  @Get('me/enrollments')
  @Roles('officer')
  @ApiOperation({
    summary: 'My enrolments',
    description: 'The signed-in officer’s enrolments, open ones first by due date.',
  })
  @ApiOkResponse({ type: PageOf(MyEnrollmentView) })
  mine(@Ctx() ctx: RequestContext, @Query() query: MeEnrollmentsQuery) {
    return this.enrollments.mine(ctx, query);
  }
}
