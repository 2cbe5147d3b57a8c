import { Module } from '@nestjs/common';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { PersonnelModule } from '@lms/personnel';
import { ExecutionReportController } from './controllers/execution-report.controller';
import { ReportsController } from './controllers/reports.controller';
import { AsOfResolver } from './services/as-of';
import { ComplianceService } from './services/compliance.service';
import { ExecutionReportService } from './services/execution-report.service';
import { OfficerRecordService } from './services/officer-record.service';

/**
 * Compliance reports, officers' training records and frozen order execution
 * reports. Reads enrolments, officers, units, courses and orders with
 * set-based SQL; owns only `report_snapshot`.
 */
@Module({
  imports: [PersonnelModule, CatalogueModule, AssignmentsModule],
  controllers: [ReportsController, ExecutionReportController],
  providers: [AsOfResolver, ComplianceService, OfficerRecordService, ExecutionReportService],
  exports: [ComplianceService, OfficerRecordService, ExecutionReportService],
})
export class ReportsModule {}
