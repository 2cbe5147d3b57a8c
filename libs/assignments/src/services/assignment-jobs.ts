import { Injectable } from '@nestjs/common';
import { ADVISORY_LOCKS, TransactionHost } from '@lms/core';
import { JobRegistry } from '@lms/jobs';
import { DueNoticesService } from './due-notices.service';
import { HrDigestService } from './hr-digest.service';
import { MaterializerService } from './materializer.service';

/** The scheduled work of assignments, each a sweep that decides from the clock what is due. */
@Injectable()
export class AssignmentJobs {
  constructor(
    private readonly tx: TransactionHost,
    private readonly materializer: MaterializerService,
    private readonly dueNotices: DueNoticesService,
    private readonly digest: HrDigestService,
  ) {}

  register(jobs: JobRegistry): void {
    jobs.defineSweep({
      name: 'assignments.recurrence',
      cron: '*/10 * * * *',
      description: 'opens the next cycle when a completion expires',
      sweep: (asOf) => this.recurrence(asOf),
    });
    jobs.defineSweep({
      name: 'assignments.due-notices',
      cron: '*/15 * * * *',
      description: 'reminds officers before due dates and tells them when one passes',
      sweep: async (asOf) => ({
        dueSoon: await this.dueNotices.sendDueSoon(asOf),
        overdue: await this.dueNotices.sendOverdue(asOf),
      }),
    });
    jobs.defineSweep({
      name: 'assignments.hr-digest',
      cron: '5 * * * *',
      description: 'the weekly digest of its subtree to each HR user (from Monday 08:00)',
      sweep: async (asOf) => ({ digests: await this.digest.send(asOf) }),
    });
  }

  /** With several workers, one does a round and another that starts meanwhile skips it. */
  private async recurrence(asOf: Date) {
    const [{ locked }] = await this.tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
      ADVISORY_LOCKS.recurrenceRound,
    ]);
    if (!locked) return { skipped: true };
    return { opened: await this.materializer.openExpiredCycles(asOf) };
  }
}
