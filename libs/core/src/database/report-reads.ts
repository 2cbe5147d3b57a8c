import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TransactionHost } from './transaction';

/**
 * Where long report reads go: a PostgreSQL streaming replica when
 * REPORTS_DATABASE_URL is set (a few seconds behind the primary at most),
 * else the primary. Inside a transaction, always that transaction: what a
 * transaction writes from a report (a frozen snapshot) must agree with it.
 */
@Injectable()
export class ReportReads implements OnModuleDestroy {
  private readonly pool: Pool | null;

  constructor(
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pool = config.reportsDatabaseUrl
      ? new Pool({
          connectionString: config.reportsDatabaseUrl,
          max: config.databasePoolSize,
          application_name: 'lms-reports',
        })
      : null;
    // An idle connection the replica dropped is replaced on the next read; it must not end the process.
    this.pool?.on('error', () => undefined);
  }

  /** Is a replica configured? */
  get replica(): boolean {
    return this.pool !== null;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!this.pool || this.tx.inTransaction) return this.tx.query<T>(sql, params);
    return (await this.pool.query(sql, params)).rows as T[];
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.end();
  }
}
