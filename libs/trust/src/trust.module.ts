import { Module } from '@nestjs/common';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { PersonnelModule } from '@lms/personnel';
import { ComplaintController } from './controllers/complaint.controller';
import { FeedbackController } from './controllers/feedback.controller';
import { SurveyController } from './controllers/survey.controller';
import { TrustReportController } from './controllers/trust-report.controller';
import { AddressGuard } from './services/address-guard.service';
import { ComplaintService } from './services/complaint.service';
import { FeedbackService } from './services/feedback.service';
import { SurveyService } from './services/survey.service';
import { TrustHistoryService } from './services/trust-history.service';
import { TrustFiles } from './services/trust-files';
import { TrustReportService } from './services/trust-report.service';

/**
 * Public trust: citizens' feedback on officers, population surveys, the
 * complaints register with its refresher rules, and the trust indicators set
 * beside training. Owns `feedback_code`, `citizen_feedback`, `trust_salt`,
 * `trust_address_hit`, `trust_survey`, `survey_response`, `complaint`,
 * `refresher_rule` and `complaint_refresher`.
 */
@Module({
  imports: [PersonnelModule, CatalogueModule, AssignmentsModule],
  controllers: [FeedbackController, SurveyController, ComplaintController, TrustReportController],
  providers: [
    AddressGuard,
    FeedbackService,
    SurveyService,
    ComplaintService,
    TrustReportService,
    TrustHistoryService,
    TrustFiles,
  ],
  exports: [TrustFiles, FeedbackService, SurveyService, ComplaintService, TrustReportService, TrustHistoryService],
})
export class TrustModule {}
