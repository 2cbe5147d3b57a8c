import { Injectable } from '@nestjs/common';

/** Called inside the transaction that created, changed or transferred these officers. */
export type OfficerChangeListener = (officerIds: string[]) => Promise<void>;

/**
 * Lets later domains (assignment rules) react to personnel changes in the
 * same transaction without personnel depending on them.
 */
@Injectable()
export class OfficerChangeHooks {
  private readonly listeners: OfficerChangeListener[] = [];

  register(listener: OfficerChangeListener): void {
    this.listeners.push(listener);
  }

  async changed(officerIds: string[]): Promise<void> {
    if (officerIds.length === 0) return;
    for (const listener of this.listeners) await listener(officerIds);
  }
}
