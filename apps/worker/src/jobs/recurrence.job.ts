import { Injectable, Logger } from '@nestjs/common';
import { MaterializerService } from '@lms/assignments';
import { ADVISORY_LOCKS, TransactionHost } from '@lms/core';

/**
 * Opens the next cycle for completions whose validity has run out. Any number
 * of workers may run; one advisory lock lets only one of them do a round at a time.
 */
@Injectable()
export class RecurrenceJob {
  private readonly logger = new Logger('Recurrence');

  constructor(
    private readonly tx: TransactionHost,
    private readonly materializer: MaterializerService,
  ) {}

  async run(): Promise<number | null> {
    return this.tx.withTransaction(async (manager) => {
      const [{ locked }] = await manager.query<{ locked: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [ADVISORY_LOCKS.recurrenceRound],
      );
      if (!locked) return null;
      const opened = await this.materializer.openExpiredCycles();
      if (opened > 0) this.logger.log(`opened ${opened} new cycle(s) for expired completions`);
      return opened;
    });
  }
}
