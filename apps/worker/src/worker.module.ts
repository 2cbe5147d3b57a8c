import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@lms/core';
import { SCHEMA } from '@lms/schema';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config, databaseUrl, SCHEMA)] };
  }
}
