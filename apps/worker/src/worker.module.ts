import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@lms/core';
import { PlatformModule } from '@lms/platform';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      // Every domain, since each registers its jobs; no HTTP.
      imports: [PlatformModule.forRoot(config, databaseUrl, { worksJobs: true })],
    };
  }
}
