import { Module } from '@nestjs/common';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { PersonnelModule } from '@lms/personnel';
import { ReportsController } from './controllers/reports.controller';
import { AsOfResolver } from './services/as-of';
import { ComplianceService } from './services/compliance.service';
import { OfficerRecordService } from './services/officer-record.service';

/**
 * Compliance reports and officers' training records. Reads enrolments,
 * officers, units, courses and orders with set-based SQL; owns only
 * `report_snapshot`.
 */
@Module({
  imports: [PersonnelModule, CatalogueModule, AssignmentsModule],
  controllers: [ReportsController],
  providers: [AsOfResolver, ComplianceService, OfficerRecordService],
  exports: [ComplianceService, OfficerRecordService],
})
export class ReportsModule {}
