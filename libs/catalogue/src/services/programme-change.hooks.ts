import { Injectable } from '@nestjs/common';

/** Called inside the transaction that changed the programme's course list, with the new list in order. */
export type ProgrammeChangeListener = (programmeId: string, courseIds: string[]) => Promise<void>;

/**
 * Lets later domains (assignment rules made for a whole programme) follow a
 * programme's course list in the same transaction, without the catalogue
 * depending on them.
 */
@Injectable()
export class ProgrammeChangeHooks {
  private readonly listeners: ProgrammeChangeListener[] = [];

  register(listener: ProgrammeChangeListener): void {
    this.listeners.push(listener);
  }

  async coursesChanged(programmeId: string, courseIds: string[]): Promise<void> {
    for (const listener of this.listeners) await listener(programmeId, courseIds);
  }
}
