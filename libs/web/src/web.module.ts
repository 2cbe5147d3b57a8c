import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ThrottlerModule } from '@nestjs/throttler';
import { AssessmentsModule } from '@lms/assessments';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { CertificatesModule } from '@lms/certificates';
import { APP_CONFIG, AppConfig, PROBLEM_PAGES } from '@lms/core';
import { IdentityModule } from '@lms/identity';
import { PersonnelModule } from '@lms/personnel';
import { CONTENT_TYPES, ReportsModule, renderTable } from '@lms/reports';
import { SeminarsModule } from '@lms/seminars';
import { TrustFiles, TrustModule } from '@lms/trust';
import { AccountController } from './controllers/account.controller';
import { AdminSecurityController } from './controllers/admin-security.controller';
import { AdminUnitsController } from './controllers/admin-units.controller';
import { AdminUsersController } from './controllers/admin-users.controller';
import { CertificatesController } from './controllers/certificates.controller';
import { HrComplianceOfficersController } from './controllers/hr-compliance-officers.controller';
import { TrainerQuestionStatsController } from './controllers/trainer-question-stats.controller';
import { HrDashboardController } from './controllers/hr-dashboard.controller';
import { HrExecutionController } from './controllers/hr-execution.controller';
import { HrImportController } from './controllers/hr-import.controller';
import { HrOfficersController } from './controllers/hr-officers.controller';
import { HrOrdersController } from './controllers/hr-orders.controller';
import { HrSeminarsController } from './controllers/hr-seminars.controller';
import { FeedbackPagesController } from './controllers/feedback.controller';
import { SurveyPagesController } from './controllers/survey-pages.controller';
import { TrustDashboardController } from './controllers/trust-dashboard.controller';
import { TrustFormsController } from './controllers/trust-forms.controller';
import { QuizController } from './controllers/quiz.controller';
import { ResultsController } from './controllers/results.controller';
import { SeminarsController } from './controllers/seminars.controller';
import { SessionController } from './controllers/session.controller';
import { StaffController } from './controllers/staff.controller';
import { TrainerCoursesController } from './controllers/trainer-courses.controller';
import { TrainerLessonFilesController } from './controllers/trainer-lesson-files.controller';
import { TrainerSessionsController } from './controllers/trainer-sessions.controller';
import { TrainerVersionsController } from './controllers/trainer-versions.controller';
import { TrainingController } from './controllers/training.controller';
import { VerifyController } from './controllers/verify.controller';
import { CsrfGuard, CsrfTokens } from './http/csrf';
import { PageContextService } from './http/page-context';
import { PageProblemFilter } from './http/page-problem.filter';
import { PageInterceptor } from './http/page.interceptor';
import { WebProblemPages } from './http/problem-pages';
import { EnrolmentVersions } from './officer/enrolment-versions';
import { ViewEngine } from './render/view-engine';
import { trustTable } from './trust/trust-table';

/** Every page controller: their routes stay outside the API prefix (see pageRoutes). */
export const WEB_CONTROLLERS = [
  SessionController,
  AccountController,
  StaffController,
  TrainingController,
  QuizController,
  SeminarsController,
  ResultsController,
  CertificatesController,
  VerifyController,
  TrainerCoursesController,
  TrainerVersionsController,
  TrainerLessonFilesController,
  TrainerSessionsController,
  HrDashboardController,
  HrExecutionController,
  HrComplianceOfficersController,
  TrainerQuestionStatsController,
  HrImportController,
  HrOfficersController,
  HrOrdersController,
  HrSeminarsController,
  FeedbackPagesController,
  SurveyPagesController,
  TrustDashboardController,
  TrustFormsController,
  AdminUnitsController,
  AdminUsersController,
  AdminSecurityController,
];

/**
 * The server-rendered pages. They call the domain services exactly as the
 * API controllers do (same RequestContext, same access and scope rules) and
 * own no table.
 */
@Module({
  imports: [
    PersonnelModule,
    IdentityModule,
    CatalogueModule,
    AssignmentsModule,
    SeminarsModule,
    AssessmentsModule,
    CertificatesModule,
    ReportsModule,
    TrustModule,
    ThrottlerModule.forRoot({ throttlers: [{ name: 'default', limit: 30, ttl: 60_000 }] }),
    // HR's CSV upload (multipart, in memory): one file, no larger than the import accepts.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.csvMaxBytes, files: 1, fields: 5, parts: 6 } }),
    }),
  ],
  controllers: WEB_CONTROLLERS,
  providers: [
    { provide: ViewEngine, useFactory: () => new ViewEngine() },
    CsrfTokens,
    CsrfGuard,
    PageContextService,
    PageInterceptor,
    PageProblemFilter,
    WebProblemPages,
    EnrolmentVersions,
    { provide: PROBLEM_PAGES, useExisting: WebProblemPages },
  ],
  exports: [PROBLEM_PAGES, WebProblemPages, ViewEngine],
})
export class WebModule {
  /** `GET /reports/trust` renders XLSX and PDF with the trust page's labels and the reports' renderers. */
  constructor(files: TrustFiles) {
    files.provide(async (report, format, language) => {
      const table = trustTable(report, language);
      return {
        body: await renderTable(format, table),
        contentType: CONTENT_TYPES[format],
        fileName: `${table.fileName}.${format}`,
      };
    });
  }
}
