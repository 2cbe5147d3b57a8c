import { Conflict } from '@lms/core';

/** The stable problem codes of the jobs routes. */
export enum JobsProblem {
  JobNotFailed = 'job-not-failed',
}

export class JobNotFailed extends Conflict {
  constructor(state: string) {
    super(JobsProblem.JobNotFailed, `Only a failed job can be retried; this one is ${state}`, { state });
  }
}
