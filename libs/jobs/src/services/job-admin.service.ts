import { Injectable } from '@nestjs/common';
import { NotFound, Page, TransactionHost } from '@lms/core';
import { JobState, JobView, ListJobsQuery } from '../dto/job.dto';
import { JobNotFailed } from '../jobs.errors';
import { JOB_QUEUE_SCHEMA_NAME, JobQueue } from './job-queue';

interface JobRow {
  id: string;
  name: string;
  state: JobState;
  data: Record<string, unknown> | null;
  retry_count: number;
  retry_limit: number;
  output: { message?: unknown; value?: { message?: unknown } } | null;
  created_on: Date;
  start_after: Date;
  started_on: Date | null;
  completed_on: Date | null;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

function mapJob(row: JobRow): JobView {
  const message = row.output?.message ?? row.output?.value?.message;
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    data: row.data ?? {},
    retryCount: row.retry_count,
    retryLimit: row.retry_limit,
    error: row.state === 'completed' || typeof message !== 'string' ? null : message,
    createdAt: row.created_on.toISOString(),
    startAfter: row.start_after.toISOString(),
    startedAt: iso(row.started_on),
    completedAt: iso(row.completed_on),
  };
}

/** Internal queues of pg-boss itself (the cron relay) are not ours to show. */
const OURS = `name NOT LIKE '\\_\\_pgboss\\_\\_%'`;

/**
 * What admins see of the queue: jobs by state (the dead letters are `failed`)
 * and a way to run a failed one again. Reads pg-boss's own job table.
 */
@Injectable()
export class JobAdminService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly queue: JobQueue,
  ) {}

  async list(query: ListJobsQuery): Promise<Page<JobView>> {
    const params: unknown[] = [];
    const where = [OURS];
    if (query.state) {
      params.push(query.state);
      where.push(`state = $${params.length}::${JOB_QUEUE_SCHEMA_NAME}.job_state`);
    }
    if (query.name) {
      params.push(query.name);
      where.push(`name = $${params.length}`);
    }
    const { rows, total } = await this.tx.page<JobRow>({
      from: `${JOB_QUEUE_SCHEMA_NAME}.job`,
      select: `SELECT id, name, state, data, retry_count, retry_limit, output, created_on, start_after, started_on, completed_on
               FROM ${JOB_QUEUE_SCHEMA_NAME}.job`,
      where: where.join(' AND '),
      orderBy: 'coalesce(completed_on, created_on) DESC, id',
      params,
      page: query,
    });
    return { items: rows.map(mapJob), total, limit: query.limit, offset: query.offset };
  }

  /** A failed job goes back to the queue for one more attempt; anything else is 409, an unknown id 404. */
  async retry(id: string): Promise<JobView> {
    const found = await this.find(id);
    if (found.state !== 'failed') throw new JobNotFailed(found.state);
    if (!(await this.queue.retry(found.name, id))) throw new JobNotFailed((await this.find(id)).state);
    return mapJob(await this.find(id));
  }

  private async find(id: string): Promise<JobRow> {
    const [row] = await this.tx.query<JobRow>(
      `SELECT id, name, state, data, retry_count, retry_limit, output, created_on, start_after, started_on, completed_on
       FROM ${JOB_QUEUE_SCHEMA_NAME}.job WHERE id = $1 AND ${OURS}`,
      [id],
    );
    if (!row) throw new NotFound('Job', id);
    return row;
  }
}
