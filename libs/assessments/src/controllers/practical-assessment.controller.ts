import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Ctx, PageOf, PageQuery, RequestContext, Roles } from '@lms/core';
import { ASSESSMENTS_ROUTE_PROBLEMS } from '../assessments.errors';
import { PracticalAssessmentResult, PracticalAssessmentView } from '../dto/assessment.response';
import { PracticalAssessmentDto } from '../dto/practical.dto';
import { PracticalAssessmentService } from '../services/practical-assessment.service';

@ApiTags('assessments')
@ApiProblems('Assessments', ASSESSMENTS_ROUTE_PROBLEMS)
@Controller('enrollments/:id/practical-assessments')
export class PracticalAssessmentController {
  constructor(private readonly practicals: PracticalAssessmentService) {}

  @Post()
  @Roles('trainer')
  @ApiOperation({
    summary: 'Score a role-play',
    description:
      'A trainer scores every criterion of the pinned rubric for an officer of their subtree: `score` is Σ weight × score / maxScore, `passed` is score ≥ passThreshold, and a pass is reported to the enrolment. Bad scores: 422, nothing written; your own enrolment: 403.',
  })
  @ApiCreatedResponse({ type: PracticalAssessmentResult })
  assess(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PracticalAssessmentDto) {
    return this.practicals.assess(ctx, id, dto);
  }

  @Get()
  @Roles('officer', 'hr', 'trainer')
  @ApiOperation({
    summary: 'List role-play scorings',
    description: 'An enrolment’s practical assessments, latest first, with assessor and comment.',
  })
  @ApiOkResponse({ type: PageOf(PracticalAssessmentView) })
  list(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() page: PageQuery) {
    return this.practicals.list(ctx, id, page);
  }
}
