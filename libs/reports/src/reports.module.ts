import { Module, OnModuleInit } from '@nestjs/common';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { JobRegistry } from '@lms/jobs';
import { PersonnelModule } from '@lms/personnel';
import { ExecutionReportController } from './controllers/execution-report.controller';
import { PracticeReportsController } from './controllers/practice-reports.controller';
import { ReportsController } from './controllers/reports.controller';
import { AsOfResolver } from './services/as-of';
import { ComplianceService } from './services/compliance.service';
import { ComplianceTrendService } from './services/compliance-trend.service';
import { EnrollmentExportService } from './services/enrollment-export.service';
import { ExecutionAttachments } from './services/execution-attachments';
import { ExecutionReportService } from './services/execution-report.service';
import { OfficerOutcomeService } from './services/officer-outcomes.service';
import { OfficerRecordService } from './services/officer-record.service';
import { ReportRenderingService } from './services/report-rendering.service';
import { PracticeReportsService } from './services/practice-reports.service';
import { TrainerReportService } from './services/trainer-report.service';
import { SubjectAccessService } from './services/subject-access.service';

/**
 * Compliance reports, officers' training records, frozen order execution
 * reports, weekly drill coverage and role-play results per scenario. Reads enrolments, officers, units, courses and orders with
 * set-based SQL; owns `report_snapshot` and `compliance_trend` (the monthly
 * per-region snapshot its scheduled job keeps for trend charts).
 */
@Module({
  imports: [PersonnelModule, CatalogueModule, AssignmentsModule],
  controllers: [ReportsController, ExecutionReportController, PracticeReportsController],
  providers: [
    AsOfResolver,
    ComplianceService,
    OfficerOutcomeService,
    OfficerRecordService,
    ReportRenderingService,
    ExecutionReportService,
    EnrollmentExportService,
    ComplianceTrendService,
    PracticeReportsService,
    TrainerReportService,
    SubjectAccessService,
    ExecutionAttachments,
  ],
  exports: [
    ExecutionAttachments,
    ComplianceService,
    ComplianceTrendService,
    OfficerOutcomeService,
    OfficerRecordService,
    ExecutionReportService,
    ReportRenderingService,
  ],
})
export class ReportsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly trend: ComplianceTrendService,
  ) {}

  onModuleInit(): void {
    this.jobs.defineSweep({
      name: 'reports.compliance-trend',
      cron: '30 * * * *',
      description: "keeps last month's compliance per region for trend charts",
      sweep: (asOf) => this.trend.snapshotLastMonth(asOf),
    });
  }
}
