import type PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';

/**
 * pg-boss's `db` option over a TypeORM transaction: a job sent with it is
 * written by the same transaction as the rows that caused it, so it exists
 * exactly when they do (committed together, rolled back together).
 */
export function transactionDb(manager: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const result: unknown = await manager.query(text, values);
      // TypeORM answers UPDATE and DELETE with [rows, count]; INSERT and SELECT with the rows.
      const rows =
        Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
          ? (result[0] as unknown[])
          : (result as unknown[]);
      return { rows };
    },
  };
}
