import { Module, OnModuleInit } from '@nestjs/common';
import { CatalogueModule } from '@lms/catalogue';
import { RequestContext } from '@lms/core';
import { OfficerChangeHooks, PersonnelModule } from '@lms/personnel';
import { EnrollmentController } from './controllers/enrollment.controller';
import { OrderController } from './controllers/order.controller';
import { EnrollmentHistoryService } from './services/enrollment-history.service';
import { EnrollmentHooks } from './services/enrollment-hooks';
import { EnrollmentService } from './services/enrollment.service';
import { MaterializerService } from './services/materializer.service';
import { OrderService } from './services/order.service';
import { RuleService } from './services/rule.service';

const SERVICES = [
  OrderService,
  RuleService,
  EnrollmentService,
  EnrollmentHistoryService,
  MaterializerService,
  EnrollmentHooks,
];

/**
 * Ministry orders, assignment rules and enrolments. Owns ministry_order,
 * assignment_rule and enrollment. Personnel changes reach it through
 * OfficerChangeHooks, inside the transaction that made them.
 */
@Module({
  imports: [PersonnelModule, CatalogueModule],
  controllers: [OrderController, EnrollmentController],
  providers: SERVICES,
  exports: SERVICES,
})
export class AssignmentsModule implements OnModuleInit {
  constructor(
    private readonly hooks: OfficerChangeHooks,
    private readonly materializer: MaterializerService,
  ) {}

  onModuleInit(): void {
    this.hooks.register((officerIds) => this.materializer.officersChanged(RequestContext.system(), officerIds));
  }
}
