import { Inject, Injectable, Logger, BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { AppConfig, APP_CONFIG, TransactionHost } from '@lms/core';
import { JobDefinition, JobRegistry } from './job-registry';
import { transactionDb } from './transaction-db';

export const JOB_QUEUE_SCHEMA_NAME = 'pgboss';
export const DATABASE_URL = Symbol('DATABASE_URL');
/** Whether this process works jobs (a worker) or only sends them (an API without a worker). */
export const WORKS_JOBS = Symbol('WORKS_JOBS');

/** Scheduled jobs follow the ministry's clock: "8 in the morning" means in Almaty. */
const SCHEDULE_TIME_ZONE = 'Asia/Almaty';
/** Failed (dead-lettered) jobs stay visible and re-runnable this long before they are archived. */
const FAILED_KEPT_SECONDS = 30 * 24 * 3600;
/** How long a stopping worker waits for the jobs in hand before handing them back to the queue. */
const SHUTDOWN_GRACE_MS = 20_000;

export interface JobToSend {
  name: string;
  data: object;
  /** Seconds from now. */
  startAfter?: number;
}

/**
 * The PostgreSQL job queue (pg-boss, in its own `pgboss` schema of our
 * database). Every process sends jobs; worker processes also fetch them
 * (`FOR UPDATE SKIP LOCKED`, so each job runs once), retry failures with
 * exponential back-off, dead-letter them as `failed` when retries are spent,
 * run the cron schedules (one job per period across all workers) and take
 * back jobs of workers that died.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;
  private working = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(WORKS_JOBS) private readonly worksJobs: boolean,
    private readonly registry: JobRegistry,
    private readonly tx: TransactionHost,
  ) {
    const retry = config.jobRetry;
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: JOB_QUEUE_SCHEMA_NAME,
      application_name: worksJobs ? 'lms-worker' : 'lms-api',
      max: worksJobs ? config.workerConcurrency + 4 : 4,
      // The schema is installed and upgraded with our migrations (JOB_QUEUE_SCHEMA), never here.
      migrate: false,
      schedule: worksJobs,
      supervise: worksJobs,
      cronMonitorIntervalSeconds: 5,
      cronWorkerIntervalSeconds: 2,
      maintenanceIntervalSeconds: retry.maintenanceSeconds,
      archiveFailedAfterSeconds: FAILED_KEPT_SECONDS,
      expireInSeconds: retry.expireSeconds,
      retryLimit: retry.limit,
      retryDelay: retry.delaySeconds,
      retryBackoff: true,
    });
    // The pool reports lost connections (a restarted database) here; pg-boss reconnects on its next query.
    this.boss.on('error', (error: Error) => this.logger.warn(`job queue: ${error.message}`));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    const retry = this.config.jobRetry;
    const existing = new Set((await this.boss.getQueues()).map((queue) => queue.name));
    for (const definition of this.registry.all()) {
      // Workers set each queue's retry policy from their configuration; other processes only add missing queues.
      if (existing.has(definition.name) && !this.worksJobs) continue;
      const options = {
        name: definition.name,
        retryLimit: retry.limit,
        retryDelay: retry.delaySeconds,
        retryBackoff: true,
        expireInSeconds: retry.expireSeconds,
      };
      await this.boss.createQueue(definition.name, options);
      await this.boss.updateQueue(definition.name, options);
    }
    if (this.worksJobs) await this.work();
  }

  /** Before the database pool closes. Graceful: stop fetching, let the jobs in hand finish (or hand them back for a retry), close the pool. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: SHUTDOWN_GRACE_MS, wait: true });
  }

  /**
   * Sends a job. Inside a transaction it is written by that transaction, so a
   * rolled-back change sends nothing and a committed one always has its job.
   */
  async send(job: JobToSend): Promise<void> {
    await this.sendMany([job]);
  }

  async sendMany(jobs: JobToSend[]): Promise<void> {
    if (jobs.length === 0) return;
    const db = this.tx.inTransaction ? transactionDb(this.tx.manager) : undefined;
    await this.boss.insert(
      jobs.map((job) => ({
        name: job.name,
        data: job.data,
        startAfter: job.startAfter ? new Date(Date.now() + job.startAfter * 1000).toISOString() : undefined,
      })),
      db ? { db } : {},
    );
  }

  /** Puts a dead-lettered job back in the queue for one more run; false if it is not failed. */
  async retry(name: string, id: string): Promise<boolean> {
    // pg-boss 10 returns { affected } though its type says void.
    const result = (await this.boss.retry(name, id)) as unknown as { affected: number } | undefined;
    return (result?.affected ?? 0) > 0;
  }

  private async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    for (const definition of this.registry.all()) {
      // pg-boss 10 runs one job at a time per work() loop: concurrency is that many loops.
      for (let i = 0; i < this.config.workerConcurrency; i++) {
        await this.boss.work<object>(definition.name, { batchSize: 1 }, ([job]) => this.run(definition, job));
      }
      if (definition.cron) {
        const cron = this.config.scheduleCron ?? definition.cron;
        await this.boss.schedule(definition.name, cron, {}, { tz: SCHEDULE_TIME_ZONE });
        this.logger.log(`scheduled ${definition.name} (${cron}): ${definition.description}`);
      }
    }
    this.logger.log(
      `working ${this.registry.all().length} job queues, ${this.config.workerConcurrency} at a time each`,
    );
  }

  private async run(definition: JobDefinition, job: PgBoss.Job<object>): Promise<unknown> {
    const started = Date.now();
    try {
      const result = await definition.handle(job.data ?? {}, { id: job.id, name: job.name });
      this.logger.debug?.(`${job.name} ${job.id} done in ${Date.now() - started} ms`);
      return result;
    } catch (error) {
      this.logger.warn(`${job.name} ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }
}
