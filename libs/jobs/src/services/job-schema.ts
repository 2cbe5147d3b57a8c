import PgBoss from 'pg-boss';
import type { ManagedSchema } from '@lms/core';
import { JOB_QUEUE_SCHEMA_NAME } from './job-queue';

/**
 * The job queue's tables live in their own schema, `pgboss`, created and
 * upgraded by pg-boss itself (its version table says which plan it is at).
 * It is installed with our migrations, under the migration lock, so the API,
 * the workers, the CLI and the test template all find it ready; our own
 * migrations never touch it.
 */
export const JOB_QUEUE_SCHEMA: ManagedSchema = {
  name: JOB_QUEUE_SCHEMA_NAME,
  install: async (url: string) => {
    const boss = new PgBoss({
      connectionString: url,
      schema: JOB_QUEUE_SCHEMA_NAME,
      max: 1,
      migrate: true,
      schedule: false,
      supervise: false,
    });
    boss.on('error', () => undefined); // start() rejects with anything that matters
    await boss.start();
    await boss.stop({ graceful: false, wait: true });
  },
};
