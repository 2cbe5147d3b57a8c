import { Injectable, Logger } from '@nestjs/common';
import { Clock, TransactionHost } from '@lms/core';

/** What a handler knows about the run it is doing. */
export interface JobRun {
  id: string;
  name: string;
}

/**
 * A kind of background work. `cron` makes it scheduled (evaluated in
 * Asia/Almaty): the queue sends one job per matching minute across all
 * workers, and the handler decides from the clock what is due, so a run that
 * comes late or twice does no harm.
 */
export interface JobDefinition<T extends object = object> {
  name: string;
  cron?: string;
  /** What the schedule is for, shown in the logs. */
  description: string;
  handle(data: T, run: JobRun): Promise<unknown>;
}

/**
 * The job kinds of every domain, registered when their modules start (as
 * OfficerChangeHooks collects personnel hooks): the queue creates a queue for
 * each, and a worker process works them all.
 */
/**
 * A scheduled sweep: finds what is due as of the clock's now and acts on it,
 * in one transaction (a worker killed in the middle leaves nothing half
 * done; the retry starts over). It must be idempotent: a late or second run
 * finds nothing left to do.
 */
export interface SweepDefinition {
  name: string;
  cron: string;
  description: string;
  sweep(asOf: Date): Promise<object>;
}

@Injectable()
export class JobRegistry {
  private readonly logger = new Logger('Sweep');
  private readonly definitions = new Map<string, JobDefinition>();

  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  define<T extends object>(definition: JobDefinition<T>): void {
    if (this.definitions.has(definition.name)) throw new Error(`job ${definition.name} is defined twice`);
    this.definitions.set(definition.name, definition);
  }

  defineSweep(definition: SweepDefinition): void {
    this.define({
      name: definition.name,
      cron: definition.cron,
      description: definition.description,
      handle: async () => {
        const asOf = this.clock.now();
        const result = await this.tx.withTransaction(() => definition.sweep(asOf));
        this.logger.log(`${definition.name} as of ${asOf.toISOString()}: ${JSON.stringify(result)}`);
        return { asOf: asOf.toISOString(), ...result };
      },
    });
  }

  all(): JobDefinition[] {
    return [...this.definitions.values()];
  }
}
