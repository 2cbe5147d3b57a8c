import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { Pool } from 'pg';
import QueryStream from 'pg-query-stream';
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

  /**
   * A long read as a stream of rows, fetched through a cursor `batchSize` rows
   * at a time on a connection of its own, so memory stays bounded whatever the
   * row count. The connection goes back to the pool when the stream ends; a
   * stream that fails or is destroyed early (the client went away) closes its
   * connection instead, which also ends the statement on the server.
   */
  async stream(sql: string, params: unknown[] = [], batchSize = 1000): Promise<Readable> {
    return this.open(new QueryStream(sql, params, { batchSize }));
  }

  /**
   * `stream` for readers that want speed over convenience: chunks are whole
   * fetches of `batchSize` rows, each row an array of its columns as the
   * server's text (no parsing into numbers or dates; NULL stays null). A
   * couple of fetches are buffered at most, so memory stays bounded.
   */
  async textRowBatches(sql: string, params: unknown[] = [], batchSize = 2000): Promise<Readable> {
    return this.open(new TextRowBatches(sql, params, batchSize));
  }

  private async open(query: QueryStream): Promise<Readable> {
    const pool = this.pool ?? (this.tx.dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    const rows = client.query(query);
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.release(error);
    };
    rows.once('end', () => release());
    rows.once('error', (error: Error) => release(error));
    rows.once('close', () => release(rows.readableEnded ? undefined : new Error('row stream closed early')));
    return rows;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.end();
  }
}

/** Every column as the text the server sent. */
const RAW_TEXT = { getTypeParser: () => (value: string) => value };

/** A cursor read as chunks of `batchSize` rows (arrays of text), one chunk per fetch. */
class TextRowBatches extends QueryStream {
  constructor(
    sql: string,
    params: unknown[],
    private readonly batchSize: number,
  ) {
    super(sql, params, { highWaterMark: 2, rowMode: 'array', types: RAW_TEXT });
  }

  override _read(): void {
    (this.cursor as Cursor).read(this.batchSize, (error, rows) => {
      if (error) return void this.destroy(error);
      if (rows.length) this.push(rows);
      if (rows.length < this.batchSize) this.push(null);
    });
  }
}

interface Cursor {
  read(rows: number, done: (error: Error | undefined, rows: (string | null)[][]) => void): void;
}
