import { Injectable } from '@nestjs/common';
import { RequestContext } from '@lms/core';

/** Called inside the transaction that completed the enrolments (one, or a batch loaded from history). */
export type CompletionListener = (ctx: RequestContext, enrollmentIds: string[]) => Promise<void>;

/**
 * Lets later domains (certificates) act on a completion in the same
 * transaction, without assignments depending on them.
 */
@Injectable()
export class EnrollmentHooks {
  private readonly listeners: CompletionListener[] = [];

  onCompleted(listener: CompletionListener): void {
    this.listeners.push(listener);
  }

  async completed(ctx: RequestContext, enrollmentIds: string[]): Promise<void> {
    if (enrollmentIds.length === 0) return;
    for (const listener of this.listeners) await listener(ctx, enrollmentIds);
  }
}
