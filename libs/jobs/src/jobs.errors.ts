import { Conflict } from '@lms/core';

export class JobNotFailed extends Conflict {
  constructor(state: string) {
    super('job-not-failed', `Only a failed job can be retried; this one is ${state}`, { state });
  }
}
