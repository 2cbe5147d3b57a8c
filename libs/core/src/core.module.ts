import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from './audit/audit.service';
import { AppConfig, APP_CONFIG } from './config/app-config';
import { dataSourceOptions, SchemaDefinition } from './database/data-source';
import { ReportReads } from './database/report-reads';
import { TransactionHost } from './database/transaction';
import { Clock } from './time/clock';

/** Config, the database connection, transactions, the audit trail and the clock, for every domain. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, databaseUrl: string, schema: SchemaDefinition): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, schema, config.databasePoolSize),
          migrationsRun: false,
        }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, TransactionHost, ReportReads, AuditService, Clock],
      exports: [APP_CONFIG, TransactionHost, ReportReads, AuditService, Clock],
    };
  }
}
