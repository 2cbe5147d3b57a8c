import { DynamicModule, Module } from '@nestjs/common';
import { AssessmentsModule } from '@lms/assessments';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { CertificatesModule } from '@lms/certificates';
import { AppConfig, CoreModule } from '@lms/core';
import { DemoModule } from '@lms/demo';
import { IdentityModule } from '@lms/identity';
import { PersonnelModule } from '@lms/personnel';
import { ReportsModule } from '@lms/reports';
import { SeminarsModule } from '@lms/seminars';
import { SCHEMA } from './schema';

/**
 * The whole system without a transport: core plumbing and every domain. The
 * API adds HTTP around it; the CLI and the benchmarks use it as it is.
 */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        CoreModule.forRoot(config, databaseUrl, SCHEMA),
        PersonnelModule,
        IdentityModule,
        CatalogueModule,
        AssignmentsModule,
        SeminarsModule,
        AssessmentsModule,
        CertificatesModule,
        ReportsModule,
        DemoModule,
      ],
    };
  }
}
