import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { Pool, QueryResult } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { isRetryableTransactionError } from './pg-errors';
import { pageClause } from './sql';

/** How often a transaction that failed to serialise or was chosen as a deadlock victim is run again. */
export const TRANSACTION_ATTEMPTS = 3;

const storage = new AsyncLocalStorage<EntityManager>();

/**
 * The one way to reach the database. Inside `withTransaction`, `manager` is
 * that transaction's manager, so
 * every service call, audit record included, commits or rolls back together.
 */
@Injectable()
export class TransactionHost {
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
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM ${spec.from} WHERE ${spec.where}`,
      spec.params,
    );
    const params = [...spec.params];
    const rows = await this.query<T>(
      `${spec.select} WHERE ${spec.where} ORDER BY ${spec.orderBy} ${pageClause(spec.page, params)}`,
      params,
    );
    return { rows, total };
  }

  /**
   * Raw SQL on the current manager; returns rows. Outside a transaction the
   * statement goes straight to the pool (autocommit, as TypeORM would run it):
   * TypeORM's query runner around a single statement (a runner, its events,
   * its release) cost a short API read more CPU than the statement itself.
   */
  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    if (!storage.getStore()) {
      const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
      const result = (await pool.query(sql, parameters)) as QueryResult | QueryResult[];
      // Several statements in one text answer one result each; TypeORM answered none of them.
      return (Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows) as T[];
    }
    const result: unknown = await this.manager.query(sql, parameters);
    // TypeORM answers UPDATE and DELETE with [rows, affectedCount]; `UPDATE ... RETURNING` callers want the rows.
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
      return result[0] as T[];
    }
    return result as T[];
  }
}
