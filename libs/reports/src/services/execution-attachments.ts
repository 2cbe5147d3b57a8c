import { Injectable } from '@nestjs/common';
import { RequestContext, ValidationFailed } from '@lms/core';

/** One unit's trust figures, as far as the execution document prints them (the trust report's row). */
export interface FrozenTrustRow {
  unitName: string;
  officers: number;
  trainingCompletion: number | null;
  feedback: { responses: number; courtesy: number | null; clarity: number | null; fairness: number | null };
  complaints: { total: number; substantiated: number; per100: number | null };
}

/** The trust report of the subtree and period, frozen whole into an execution report's `trust` key. */
export interface FrozenTrust {
  unitName: string;
  from: string;
  to: string;
  minimumResponses: number;
  rows: FrozenTrustRow[];
  total: FrozenTrustRow;
}

export type TrustSource = (
  ctx: RequestContext,
  query: { unitId: string; from: string; to: string },
) => Promise<FrozenTrust>;

/**
 * Lets the composition root hand the trust library's report to the execution
 * report (`includeTrust`), without reports depending on trust.
 */
@Injectable()
export class ExecutionAttachments {
  private trustSource: TrustSource | null = null;

  provideTrust(source: TrustSource): void {
    this.trustSource = source;
  }

  async trust(ctx: RequestContext, query: { unitId: string; from: string; to: string }): Promise<FrozenTrust> {
    if (!this.trustSource)
      throw new ValidationFailed('This server has no trust report to attach', [
        { field: 'includeTrust', message: 'errors.invalid' },
      ]);
    return this.trustSource(ctx, query);
  }
}
