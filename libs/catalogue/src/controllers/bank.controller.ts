import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, ApiProblems, Ctx, PageOf, RequestContext, Roles } from '@lms/core';
import { CatalogueProblem } from '../catalogue.errors';
import { DrillQuery, ProgrammeSeminarRuleDto, ScenarioQuery } from '../dto/bank.dto';
import { DrillPlanView, DrillView, ProgrammeSeminarRuleView, ScenarioView } from '../dto/bank.response';
import { DrillService } from '../services/drill.service';
import { ProgrammeRuleService } from '../services/programme-rule.service';
import { ScenarioService } from '../services/scenario.service';

/** The programme's practice material: the role-play scenario bank, the weekly drills, and who runs its seminars. */
@ApiTags('catalogue')
@ApiProblems('Catalogue', Object.values(CatalogueProblem))
@Controller()
export class BankController {
  constructor(
    private readonly scenarios: ScenarioService,
    private readonly drills: DrillService,
    private readonly rules: ProgrammeRuleService,
  ) {}

  @Get('scenarios')
  @Roles('trainer', 'hr')
  @ApiOperation({
    summary: 'List role-play scenarios',
    description:
      'The scenario bank a trainer picks from when scoring a role-play: each with the citizen actor’s and the officer’s briefs, the trust factors it tests, what each score band of each rubric criterion looks like in it, and the behaviours that fail it. Current revisions unless `includeRetired`; `courseVersionId` keeps those that fit that version’s rubric.',
  })
  @ApiOkResponse({ type: PageOf(ScenarioView) })
  listScenarios(@Ctx() ctx: RequestContext, @Query() query: ScenarioQuery) {
    return this.scenarios.list(ctx, query);
  }

  @Get('scenarios/:id')
  @Roles('trainer', 'hr')
  @ApiOperation({ summary: 'Read a role-play scenario', description: 'One revision, current or retired.' })
  @ApiOkResponse({ type: ScenarioView })
  getScenario(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.scenarios.get(ctx, id);
  }

  @Get('drills')
  @AnyRole()
  @ApiOperation({
    summary: 'List weekly drills',
    description:
      'Short drills (10–15 minutes) for the weekly service training of territorial units: a situation, the points to discuss, the right conduct and the lessons practised. Current revisions unless `includeRetired`.',
  })
  @ApiOkResponse({ type: PageOf(DrillView) })
  listDrills(@Ctx() ctx: RequestContext, @Query() query: DrillQuery) {
    return this.drills.list(ctx, query);
  }

  @Get('drills/:id')
  @AnyRole()
  @ApiOperation({ summary: 'Read a drill', description: 'One revision, current or retired.' })
  @ApiOkResponse({ type: DrillView })
  getDrill(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.drills.get(ctx, id);
  }

  @Get('drill-plans')
  @AnyRole()
  @ApiOperation({
    summary: 'List drill plans',
    description: 'Plans of one drill a week (week 1..N), each week with its drill’s current revision.',
  })
  @ApiOkResponse({ type: PageOf(DrillPlanView) })
  listPlans(@Ctx() ctx: RequestContext, @Query() query: DrillQuery) {
    return this.drills.listPlans(ctx, query);
  }

  @Get('drill-plans/:id')
  @AnyRole()
  @ApiOperation({ summary: 'Read a drill plan', description: 'Its weeks in order, each with its drill.' })
  @ApiOkResponse({ type: DrillPlanView })
  getPlan(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.drills.getPlan(ctx, id);
  }

  @Get('programmes/:id/seminar-rule')
  @AnyRole()
  @ApiOperation({
    summary: 'Who may run a programme’s seminars',
    description:
      'The qualifications a trainer needs (at least one) to be scheduled for the seminars of the programme’s courses.',
  })
  @ApiOkResponse({ type: ProgrammeSeminarRuleView })
  getRule(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.rules.get(ctx, id);
  }

  @Put('programmes/:id/seminar-rule')
  @Roles()
  @ApiOperation({
    summary: 'Set who may run a programme’s seminars',
    description:
      'Admins only. Scheduling (or handing over) a seminar of one of the programme’s courses then refuses a trainer without one of these qualifications (409 `trainer-not-qualified`); an empty list lifts the requirement. Sessions already scheduled stay as they are.',
  })
  @ApiOkResponse({ type: ProgrammeSeminarRuleView })
  setRule(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ProgrammeSeminarRuleDto) {
    return this.rules.set(ctx, id, dto.trainerQualifications);
  }
}
