import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { Pool, QueryConfig, QueryResult } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { isRetryableTransactionError, isStalePreparedStatement } from './pg-errors';
import { pageClause } from './sql';
import { StatementNames } from './statement-names';

/** How often a transaction that failed to serialise or was chosen as a deadlock victim is run again. */
export const TRANSACTION_ATTEMPTS = 3;

const storage = new AsyncLocalStorage<EntityManager>();

/** What `pg` answers queries on: the pool, or a transaction's connection. */
interface Queryable {
  query(config: QueryConfig | string, values?: unknown[]): Promise<unknown>;
}

/**
 * The one way to reach the database. Inside `withTransaction`, `manager` is
 * that transaction's manager, so
 * every service call, audit record included, commits or rolls back together.
 */
@Injectable()
export class TransactionHost {
  private readonly statements = new StatementNames();

  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return storage.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return storage.getStore() !== undefined;
  }

  /**
   * Runs `work` in a transaction, joining the current one if there is one.
   * An outermost transaction that fails to serialise (40001) or loses a
   * deadlock (40P01) is rolled back whole and run again, up to
   * TRANSACTION_ATTEMPTS times: `work` must do nothing outside the database
   * that cannot be repeated (jobs are queued in the same transaction).
   */
  async withTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = storage.getStore();
    if (current) return work(current);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) => storage.run(manager, () => work(manager)));
      } catch (error) {
        if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 40));
      }
    }
  }

  /**
   * One page of a list and the total it is part of: `SELECT count(*) FROM
   * <from> WHERE <where>` and `<select> WHERE <where> ORDER BY <orderBy>
   * LIMIT/OFFSET`, with the same parameters (the page's numbers bound after
   * them). `from` and `select` must name the same rows (the select may join
   * more for display).
   */
  async page<T>(spec: {
    from: string;
    select: string;
    where: string;
    orderBy: string;
    params: unknown[];
    page: { limit: number; offset: number };
  }): Promise<{ rows: T[]; total: number }> {
    const params = [...spec.params];
    const [[{ total }], rows] = await this.concurrently([
      () =>
        this.query<{ total: number }>(
          `SELECT count(*)::int AS total FROM ${spec.from} WHERE ${spec.where}`,
          spec.params,
        ),
      () =>
        this.query<T>(
          `${spec.select} WHERE ${spec.where} ORDER BY ${spec.orderBy} ${pageClause(spec.page, params)}`,
          params,
        ),
    ]);
    return { rows, total };
  }

  /**
   * Independent reads, in order of `work`'s answers. Outside a transaction
   * they run at once, each on its own pooled connection, so a request waits
   * for the slowest rather than for their sum; inside one they run one after
   * another, since a transaction's one connection runs one statement at a time.
   */
  async concurrently<T extends readonly unknown[]>(work: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
    if (!this.inTransaction) return (await Promise.all(work.map((read) => read()))) as unknown as T;
    const answers: unknown[] = [];
    for (const read of work) answers.push(await read());
    return answers as unknown as T;
  }

  /**
   * Raw SQL; returns rows. Outside a transaction the statement goes straight
   * to the pool (autocommit, as TypeORM would run it), inside one to the
   * transaction's connection: TypeORM's query runner around a single
   * statement (a runner, its events, its release) cost a short API read more
   * CPU than the statement itself. A statement that recurs is prepared once
   * per connection (`StatementNames`): parsing and planning a short statement
   * cost PostgreSQL more than running it.
   */
  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const manager = storage.getStore();
    // Inside a transaction, its connection (TypeORM's runner holds it); outside, the pool.
    const client = manager
      ? (manager.queryRunner as unknown as { databaseConnection?: Queryable } | undefined)?.databaseConnection
      : (this.dataSource.driver as unknown as { master: Pool }).master;
    if (!client) return this.viaTypeOrm<T>(manager!, sql, parameters);
    // Parameters mean the extended protocol, so one statement: it may be prepared.
    const name = parameters.length > 0 ? this.statements.nameOf(sql) : undefined;
    let result: QueryResult | QueryResult[];
    try {
      result = (await (name
        ? client.query({ name, text: sql, values: parameters })
        : client.query(sql, parameters))) as QueryResult | QueryResult[];
    } catch (error) {
      if (!name || !isStalePreparedStatement(error)) throw error;
      // A migration changed a table under a prepared `SELECT *` (a rolling deploy): the text gets a new name,
      // which every connection prepares afresh. Outside a transaction the statement simply runs again;
      // inside one the transaction has failed, and the caller's next attempt gets the new name.
      this.statements.renew(sql);
      if (manager) throw error;
      result = (await client.query(sql, parameters)) as QueryResult;
    }
    // Several statements in one text (no parameters) answer one result each: the last one's rows.
    return (Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows) as T[];
  }

  private async viaTypeOrm<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
    const result: unknown = await manager.query(sql, parameters);
    // TypeORM answers UPDATE and DELETE with [rows, affectedCount]; `UPDATE ... RETURNING` callers want the rows.
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
      return result[0] as T[];
    }
    return result as T[];
  }
}
