import { DynamicModule, Module } from '@nestjs/common';
import { AssignmentsModule } from '@lms/assignments';
import { AppConfig, CoreModule } from '@lms/core';
import { SCHEMA } from '@lms/schema';
import { RecurrenceJob } from './jobs/recurrence.job';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config, databaseUrl, SCHEMA), AssignmentsModule],
      providers: [RecurrenceJob],
    };
  }
}
