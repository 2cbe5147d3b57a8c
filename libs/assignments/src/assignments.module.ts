import { Module, OnModuleInit } from '@nestjs/common';
import { CatalogueModule, ProgrammeChangeHooks } from '@lms/catalogue';
import { RequestContext } from '@lms/core';
import { JobRegistry } from '@lms/jobs';
import { NotificationsModule } from '@lms/notifications';
import { OfficerChangeHooks, PersonnelModule } from '@lms/personnel';
import { EnrollmentController } from './controllers/enrollment.controller';
import { AssignmentJobs } from './services/assignment-jobs';
import { DueNoticesService } from './services/due-notices.service';
import { HrDigestService } from './services/hr-digest.service';
import { OrderController } from './controllers/order.controller';
import { EnrollmentHistoryService } from './services/enrollment-history.service';
import { EnrollmentHooks } from './services/enrollment-hooks';
import { EnrollmentService } from './services/enrollment.service';
import { MaterializerService } from './services/materializer.service';
import { OrderRulesService } from './services/order-rules.service';
import { OrderService } from './services/order.service';
import { RuleService } from './services/rule.service';

const SERVICES = [
  OrderService,
  OrderRulesService,
  RuleService,
  EnrollmentService,
  EnrollmentHistoryService,
  MaterializerService,
  EnrollmentHooks,
];

/**
 * Ministry orders, assignment rules and enrolments. Owns ministry_order,
 * assignment_rule and enrollment. Personnel changes reach it through
 * OfficerChangeHooks, a programme's new course list through ProgrammeChangeHooks,
 * inside the transaction that made them. Its scheduled
 * jobs: recurrence, due reminders and overdue notices, the weekly HR digest.
 */
@Module({
  imports: [PersonnelModule, CatalogueModule, NotificationsModule],
  controllers: [OrderController, EnrollmentController],
  providers: [...SERVICES, DueNoticesService, HrDigestService, AssignmentJobs],
  exports: SERVICES,
})
export class AssignmentsModule implements OnModuleInit {
  constructor(
    private readonly hooks: OfficerChangeHooks,
    private readonly materializer: MaterializerService,
    private readonly programmes: ProgrammeChangeHooks,
    private readonly rules: RuleService,
    private readonly jobs: JobRegistry,
    private readonly assignmentJobs: AssignmentJobs,
  ) {}

  onModuleInit(): void {
    this.hooks.register((officerIds) => this.materializer.officersChanged(RequestContext.system(), officerIds));
    this.programmes.register((programmeId, courseIds) =>
      this.rules.followProgramme(RequestContext.system(), programmeId, courseIds),
    );
    this.assignmentJobs.register(this.jobs);
  }
}
