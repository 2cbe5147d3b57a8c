import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { Pool } from 'pg';
import { to as copyTo, CopyToStreamQuery } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { withLiterals } from '../export/csv-sql';
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
   * `COPY (select) TO STDOUT` as a stream of the bytes PostgreSQL writes, for
   * exports it can format itself (a CSV): nothing is parsed or formatted in
   * this process. COPY takes no parameters, so `params` are written into the
   * statement as escaped literals (`withLiterals`). Same connection handling
   * as `stream`: a stream destroyed early closes its connection.
   *
   * The statement runs without JIT compilation: for a national export
   * PostgreSQL spent 1.8 s of CPU compiling it (0.4 s of the copy's time) to
   * save less. The setting belongs to the connection, so the connection is
   * closed afterwards rather than handed back to the pool changed (an export
   * is rare; a new connection costs milliseconds).
   */
  async copyOut(copySql: string, params: unknown[] = []): Promise<Readable> {
    const statement = withLiterals(copySql, params);
    return this.open(copyTo(statement), { before: 'SET jit = off', discard: true });
  }

  private async open(
    query: QueryStream | CopyToStreamQuery,
    session: { before?: string; discard?: boolean } = {},
  ): Promise<Readable> {
    const pool = this.pool ?? (this.tx.dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    if (session.before) {
      try {
        await client.query(session.before);
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
    }
    const rows = client.query(query);
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.release(error ?? session.discard);
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
