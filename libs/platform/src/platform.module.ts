import { DynamicModule, Module } from '@nestjs/common';
import { AssessmentsModule } from '@lms/assessments';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { CertificatesModule } from '@lms/certificates';
import { AppConfig, CoreModule } from '@lms/core';
import { DemoModule } from '@lms/demo';
import { IdentityModule } from '@lms/identity';
import { JobsModule } from '@lms/jobs';
import { NotificationsModule } from '@lms/notifications';
import { PersonnelModule } from '@lms/personnel';
import { ExecutionAttachments, ReportsModule } from '@lms/reports';
import { SeminarsModule } from '@lms/seminars';
import { TrustModule, TrustReportService } from '@lms/trust';
import { AnonymisationService } from './privacy/anonymisation.service';
import { SCHEMA } from './schema';

export interface PlatformOptions {
  /** This process works the job queue (a worker, or `npm start`'s API with its worker); otherwise it only sends jobs. */
  worksJobs?: boolean;
}

/**
 * The whole system without a transport: core plumbing, the job queue and
 * every domain. The API adds HTTP around it; the worker works its jobs; the
 * CLI and the benchmarks use it as it is.
 */
@Module({})
export class PlatformModule {
  /** An execution report frozen with `includeTrust` takes the trust report of its subtree (reports may not import trust). */
  constructor(attachments: ExecutionAttachments, trust: TrustReportService) {
    attachments.provideTrust((ctx, query) => trust.report(ctx, { ...query, format: 'json' }));
  }

  static forRoot(config: AppConfig, databaseUrl: string, options: PlatformOptions = {}): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        CoreModule.forRoot(config, databaseUrl, SCHEMA),
        JobsModule.forRoot(databaseUrl, { works: options.worksJobs ?? false }),
        PersonnelModule,
        IdentityModule,
        NotificationsModule,
        CatalogueModule,
        AssignmentsModule,
        SeminarsModule,
        AssessmentsModule,
        CertificatesModule,
        ReportsModule,
        TrustModule,
        DemoModule,
      ],
      providers: [AnonymisationService],
      exports: [AnonymisationService],
    };
  }
}
