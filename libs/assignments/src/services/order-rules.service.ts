import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionHost } from '@lms/core';
import { OrderCreated } from '../dto/assignment.response';
import { CreateOrderDto } from '../dto/order.dto';
import { OrderService } from './order.service';
import { RuleService } from './rule.service';

/**
 * An order that names what it requires (courses or a programme), its
 * audience and its deadline is executed by rules: recorded with the order,
 * in the same transaction, so that HR enters it once and its officers are
 * enrolled at once. An order without all three is only recorded.
 */
@Injectable()
export class OrderRulesService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly orders: OrderService,
    private readonly rules: RuleService,
  ) {}

  async create(ctx: RequestContext, dto: CreateOrderDto): Promise<OrderCreated> {
    return this.tx.withTransaction(async () => {
      const order = await this.orders.create(ctx, dto);
      const targets = order.programmeId
        ? [{ programmeId: order.programmeId }]
        : order.courseIds.map((courseId) => ({ courseId }));
      if (!dto.audience || !dto.deadline || targets.length === 0) return { ...order, rules: [], enrolled: 0 };
      // The audience's units default to the subtree the order applies to.
      const audience = {
        ...dto.audience,
        unitIds: dto.audience.unitIds?.length ? dto.audience.unitIds : [order.unitId],
      };
      const rules = [];
      for (const target of targets) {
        rules.push(
          await this.rules.create(ctx, {
            ...target,
            orderId: order.id,
            audience,
            dueDate: dto.deadline,
            ...(dto.periodicityMonths ? { recurrenceMonths: dto.periodicityMonths } : {}),
          }),
        );
      }
      return { ...order, rules, enrolled: rules.reduce((sum, rule) => sum + rule.enrolled, 0) };
    });
  }
}
