import { DynamicModule, Global, Module } from '@nestjs/common';
import { JobController } from './controllers/job.controller';
import { JobAdminService } from './services/job-admin.service';
import { DATABASE_URL, JobQueue, WORKS_JOBS } from './services/job-queue';
import { JobRegistry } from './services/job-registry';

/**
 * The job queue for every domain: domains register their job kinds in the
 * JobRegistry and send jobs through JobQueue; `works: true` makes this
 * process a worker too. Owns the `pgboss` schema (managed by pg-boss).
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(databaseUrl: string, options: { works: boolean }): DynamicModule {
    return {
      module: JobsModule,
      controllers: [JobController],
      providers: [
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: WORKS_JOBS, useValue: options.works },
        JobRegistry,
        JobQueue,
        JobAdminService,
      ],
      exports: [JobRegistry, JobQueue],
    };
  }
}
