import { Injectable } from '@nestjs/common';

/** What listeners did about a change, summed over them (an import's summary shows it). */
export interface OfficerChangeEffects {
  enrolled: number;
  withdrawn: number;
}

/** Called inside the transaction that created, changed or transferred these officers. */
export type OfficerChangeListener = (officerIds: string[]) => Promise<Partial<OfficerChangeEffects> | void>;

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

  async changed(officerIds: string[]): Promise<OfficerChangeEffects> {
    const effects = { enrolled: 0, withdrawn: 0 };
    if (officerIds.length === 0) return effects;
    for (const listener of this.listeners) {
      const done = await listener(officerIds);
      effects.enrolled += done?.enrolled ?? 0;
      effects.withdrawn += done?.withdrawn ?? 0;
    }
    return effects;
  }
}
