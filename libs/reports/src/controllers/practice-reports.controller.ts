import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Ctx, RequestContext, Roles } from '@lms/core';
import {
  DrillCoverageReport,
  PracticeReportQuery,
  ScenarioReportQuery,
  ScenarioResultsReport,
} from '../dto/practice-report.dto';
import { ReportsProblem } from '../reports.errors';
import { PracticeReportsService } from '../services/practice-reports.service';

@ApiTags('reports')
@ApiProblems('Reports', Object.values(ReportsProblem))
@Controller('reports')
export class PracticeReportsController {
  constructor(private readonly practice: PracticeReportsService) {}

  @Get('drill-coverage')
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'Weekly drill coverage beside course compliance',
    description:
      'For a unit of your subtrees (default: your top unit) and each of its child units, over a period (default: the last 13 weeks): active officers, those who took part in a weekly drill, coverage %, drills held and weeks with a drill, beside the course completion % at the end of the period.',
  })
  @ApiOkResponse({ type: DrillCoverageReport })
  drillCoverage(@Ctx() ctx: RequestContext, @Query() query: PracticeReportQuery) {
    return this.practice.drillCoverage(ctx, query);
  }

  @Get('scenarios')
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'Role-play results per scenario',
    description:
      'For officers serving in a unit of your subtrees (default: your top unit), every scenario of the bank (revisions together): role-plays scored on it in the period (default: all time), passed, pass %, mean score, failed by an automatic-fail behaviour, and officers assessed. `courseId` keeps one course.',
  })
  @ApiOkResponse({ type: ScenarioResultsReport })
  scenarios(@Ctx() ctx: RequestContext, @Query() query: ScenarioReportQuery) {
    return this.practice.scenarioResults(ctx, query);
  }
}
