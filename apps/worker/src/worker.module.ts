import { DynamicModule, Module } from '@nestjs/common';
import { AssignmentsModule } from '@lms/assignments';
import { CertificatesModule } from '@lms/certificates';
import { AppConfig, CoreModule } from '@lms/core';
import { SCHEMA } from '@lms/platform';
import { RecurrenceJob } from './jobs/recurrence.job';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      // Certificates listen for completions: any process that may complete enrolments loads them.
      imports: [CoreModule.forRoot(config, databaseUrl, SCHEMA), AssignmentsModule, CertificatesModule],
      providers: [RecurrenceJob],
    };
  }
}
