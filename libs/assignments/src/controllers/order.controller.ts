import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Ctx, PageOf, RequestContext, Roles } from '@lms/core';
import { ASSIGNMENTS_ROUTE_PROBLEMS } from '../assignments.errors';
import { AudienceSize, OrderCreated, OrderView, RuleEnrolment, RuleView } from '../dto/assignment.response';
import { AudienceDto, CreateOrderDto, ListOrdersQuery, UpdateOrderDto } from '../dto/order.dto';
import { CreateRuleDto, ListRulesQuery } from '../dto/rule.dto';
import { OrderRulesService } from '../services/order-rules.service';
import { OrderService } from '../services/order.service';
import { RuleService } from '../services/rule.service';

@ApiTags('orders and assignments')
@ApiProblems('Assignments', ASSIGNMENTS_ROUTE_PROBLEMS)
@Controller()
export class OrderController {
  constructor(
    private readonly orders: OrderService,
    private readonly rules: RuleService,
    private readonly orderRules: OrderRulesService,
  ) {}

  @Post('orders')
  @Roles('hr')
  @ApiOperation({
    summary: 'Record a ministry order',
    description:
      "Number, date, title and what it requires, for a unit of your subtree (by default your own). With courses (or a programme), an `audience` and a `deadline`, the rules that execute it are created in the same step (one per course, due on the deadline, recurring every `periodicityMonths`; the audience's units default to the order's) and their officers enrolled; any rule refused (e.g. an unpublished course): nothing is written.",
  })
  @ApiCreatedResponse({ type: OrderCreated })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateOrderDto) {
    return this.orderRules.create(ctx, dto);
  }

  @Get('orders')
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'List orders',
    description:
      'Orders of your subtrees and those issued above them (which you execute); `q` searches number and title.',
  })
  @ApiOkResponse({ type: PageOf(OrderView) })
  list(@Ctx() ctx: RequestContext, @Query() query: ListOrdersQuery) {
    return this.orders.list(ctx, query);
  }

  @Get('orders/:id')
  @Roles('hr', 'trainer')
  @ApiOperation({ summary: 'Read an order', description: 'One order you can see; otherwise 404.' })
  @ApiOkResponse({ type: OrderView })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.orders.get(ctx, id);
  }

  @Patch('orders/:id')
  @Roles('hr')
  @ApiOperation({ summary: 'Change an order', description: 'An order issued within your subtree; the number stays.' })
  @ApiOkResponse({ type: OrderView })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOrderDto) {
    return this.orders.update(ctx, id, dto);
  }

  @Post('assignment-rules')
  @Roles('hr')
  @ApiOperation({
    summary: 'Create an assignment rule',
    description:
      'A course or programme, an audience, a due policy and an optional recurrence: every matching active officer is enrolled at once, and officers who come to match later are enrolled then.',
  })
  @ApiCreatedResponse({ type: RuleEnrolment })
  createRule(@Ctx() ctx: RequestContext, @Body() dto: CreateRuleDto) {
    return this.rules.create(ctx, dto);
  }

  @Post('assignment-rules/audience')
  @HttpCode(200)
  @Roles('hr')
  @ApiOperation({
    summary: 'Count an audience',
    description:
      'How many active officers an audience (units with their subtrees, service types, ranks, positions) holds now, matched as a rule matches it: the size to see before saving a rule. Units outside your subtrees: 404; no units: all of yours.',
  })
  @ApiOkResponse({ type: AudienceSize })
  audienceSize(@Ctx() ctx: RequestContext, @Body() dto: AudienceDto) {
    return this.rules.audienceSize(ctx, dto);
  }

  @Get('assignment-rules')
  @Roles('hr', 'trainer')
  @ApiOperation({ summary: 'List assignment rules', description: 'Rules whose audience lies within your subtrees.' })
  @ApiOkResponse({ type: PageOf(RuleView) })
  listRules(@Ctx() ctx: RequestContext, @Query() query: ListRulesQuery) {
    return this.rules.list(ctx, query);
  }

  @Get('assignment-rules/:id')
  @Roles('hr', 'trainer')
  @ApiOperation({ summary: 'Read an assignment rule', description: 'With how many enrolments it has made.' })
  @ApiOkResponse({ type: RuleView })
  getRule(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.rules.get(ctx, id);
  }

  @Post('assignment-rules/:id/materialize')
  @HttpCode(200)
  @Roles('hr')
  @ApiOperation({
    summary: 'Run a rule again',
    description: 'Enrols officers who match the rule now and are not enrolled yet (idempotent).',
  })
  @ApiOkResponse({ type: RuleEnrolment })
  rematerialize(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.rules.rematerialize(ctx, id);
  }

  @Delete('assignment-rules/:id')
  @HttpCode(204)
  @Roles('hr')
  @ApiOperation({
    summary: 'Retire a rule',
    description:
      'No new enrolments from it; the ones it made stay. A rule executing an order issued above your units: 403 `order-from-above`.',
  })
  @ApiNoContentResponse({ description: 'Retired' })
  async retire(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.rules.retire(ctx, id);
  }
}
