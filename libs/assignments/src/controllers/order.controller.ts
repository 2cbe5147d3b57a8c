import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { CreateOrderDto, ListOrdersQuery, UpdateOrderDto } from '../dto/order.dto';
import { CreateRuleDto, ListRulesQuery } from '../dto/rule.dto';
import { OrderService } from '../services/order.service';
import { RuleService } from '../services/rule.service';

@ApiTags('orders and assignments')
@Controller()
export class OrderController {
  constructor(
    private readonly orders: OrderService,
    private readonly rules: RuleService,
  ) {}

  @Post('orders')
  @Roles('hr')
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateOrderDto) {
    return this.orders.create(ctx, dto);
  }

  @Get('orders')
  @Roles('hr', 'trainer')
  list(@Ctx() ctx: RequestContext, @Query() query: ListOrdersQuery) {
    return this.orders.list(ctx, query);
  }

  @Get('orders/:id')
  @Roles('hr', 'trainer')
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.orders.get(ctx, id);
  }

  @Patch('orders/:id')
  @Roles('hr')
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOrderDto) {
    return this.orders.update(ctx, id, dto);
  }

  /** Creates the rule and enrols every matching active officer at once: `{ id, enrolled }`. */
  @Post('assignment-rules')
  @Roles('hr')
  createRule(@Ctx() ctx: RequestContext, @Body() dto: CreateRuleDto) {
    return this.rules.create(ctx, dto);
  }

  @Get('assignment-rules')
  @Roles('hr', 'trainer')
  listRules(@Ctx() ctx: RequestContext, @Query() query: ListRulesQuery) {
    return this.rules.list(ctx, query);
  }

  @Get('assignment-rules/:id')
  @Roles('hr', 'trainer')
  getRule(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.rules.get(ctx, id);
  }

  /** Runs the rule again for officers who match it now (idempotent). */
  @Post('assignment-rules/:id/materialize')
  @HttpCode(200)
  @Roles('hr')
  rematerialize(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.rules.rematerialize(ctx, id);
  }

  /** Retires the rule: no new enrolments; the ones it made stay. */
  @Delete('assignment-rules/:id')
  @HttpCode(204)
  @Roles('hr')
  async retire(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.rules.retire(ctx, id);
  }
}
