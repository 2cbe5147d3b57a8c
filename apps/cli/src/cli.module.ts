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
import { SCHEMA } from '@lms/schema';
import { SeminarsModule } from '@lms/seminars';

/** The domain services without HTTP, for commands run from the shell. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
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
