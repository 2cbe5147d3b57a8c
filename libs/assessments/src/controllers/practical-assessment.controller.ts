import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, PageQuery, RequestContext, Roles } from '@lms/core';
import { PracticalAssessmentDto } from '../dto/practical.dto';
import { PracticalAssessmentService } from '../services/practical-assessment.service';

@ApiTags('assessments')
@Controller('enrollments/:id/practical-assessments')
export class PracticalAssessmentController {
  constructor(private readonly practicals: PracticalAssessmentService) {}

  /** A trainer scores the role-play against the rubric: `{ score, passed }`. */
  @Post()
  @Roles('trainer')
  assess(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PracticalAssessmentDto) {
    return this.practicals.assess(ctx, id, dto);
  }

  @Get()
  @Roles('officer', 'hr', 'trainer')
  list(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() page: PageQuery) {
    return this.practicals.list(ctx, id, page);
  }
}
