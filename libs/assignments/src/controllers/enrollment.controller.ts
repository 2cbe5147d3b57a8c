import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { ExemptionDto, ListEnrollmentsQuery, ManualAssignmentDto, MeEnrollmentsQuery } from '../dto/enrollment.dto';
import { EnrollmentService } from '../services/enrollment.service';

@ApiTags('orders and assignments')
@Controller()
export class EnrollmentController {
  constructor(private readonly enrollments: EnrollmentService) {}

  @Get('enrollments')
  @Roles('officer', 'hr', 'trainer')
  list(@Ctx() ctx: RequestContext, @Query() query: ListEnrollmentsQuery) {
    return this.enrollments.list(ctx, query);
  }

  /** HR assigns a course to named officers of its subtree: `{ enrolled, skipped }`. */
  @Post('enrollments')
  @Roles('hr')
  assign(@Ctx() ctx: RequestContext, @Body() dto: ManualAssignmentDto) {
    return this.enrollments.assignManually(ctx, dto);
  }

  @Get('enrollments/:id')
  @Roles('officer', 'hr', 'trainer')
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.enrollments.get(ctx, id);
  }

  @Post('enrollments/:id/exemption')
  @HttpCode(200)
  @Roles('hr')
  exempt(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ExemptionDto) {
    return this.enrollments.exempt(ctx, id, dto.reason);
  }

  /** The officer starts the course: the current published version is pinned. */
  @Post('enrollments/:id/start')
  @HttpCode(200)
  @Roles('officer')
  start(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.enrollments.start(ctx, id);
  }

  /** The officer has read a lesson. */
  @Post('enrollments/:id/lessons/:lessonId/read')
  @HttpCode(200)
  @Roles('officer')
  lessonRead(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
  ) {
    return this.enrollments.markLessonRead(ctx, id, lessonId);
  }

  @Get('me/enrollments')
  @Roles('officer')
  mine(@Ctx() ctx: RequestContext, @Query() query: MeEnrollmentsQuery) {
    return this.enrollments.mine(ctx, query);
  }
}
