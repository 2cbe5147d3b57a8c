import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiDownload, ApiProblems, Ctx, RequestContext, Roles, XLSX_TYPE } from '@lms/core';
import {
  DrillCoverageReport,
  PracticeReportQuery,
  ScenarioReportQuery,
  ScenarioResultsReport,
} from '../dto/practice-report.dto';
import { TrainerReport, TrainerReportQuery } from '../dto/trainer-report.dto';
import { ReportsProblem } from '../reports.errors';
import { sendJson, sendTable } from '../render/send-report';
import { trainerTable } from '../render/trainer-table';
import { TrainerReportService } from '../services/trainer-report.service';
import { PracticeReportsService } from '../services/practice-reports.service';

@ApiTags('reports')
@ApiProblems('Reports', Object.values(ReportsProblem))
@Controller('reports')
export class PracticeReportsController {
  constructor(
    private readonly practice: PracticeReportsService,
    private readonly trainers: TrainerReportService,
  ) {}

  @Get('trainers')
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'Trainer report',
    description:
      'Per trainer and course, over a period (default: the year before `to`): seminar sessions run (not cancelled, started in the period) in a unit of your subtrees (default: your top unit), their seats, seats filled, attendance (present or late) and its rate, and the practical assessments the trainer scored for officers serving there: count, pass rate, mean score and the average per rubric criterion. HR and admins see every trainer; a trainer without HR’s scope sees only their own sessions and assessments. As JSON, CSV, XLSX, printable HTML or PDF (`lang` labels the files).',
  })
  @ApiDownload({
    description: 'JSON (`format=json`, the default), or the same rows as CSV, XLSX, HTML or PDF',
    json: TrainerReport,
    mediaTypes: ['text/csv', XLSX_TYPE, 'text/html', 'application/pdf'],
  })
  async trainerReport(@Ctx() ctx: RequestContext, @Query() query: TrainerReportQuery, @Res() response: Response) {
    const report = await this.trainers.report(ctx, query);
    if (query.format === 'json') return sendJson(response, report);
    await sendTable(response, query.format, trainerTable(report, query.lang ?? 'ru'));
  }

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
