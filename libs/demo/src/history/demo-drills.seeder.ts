import { Injectable } from '@nestjs/common';
import { DrillQuery, DrillService } from '@lms/catalogue';
import { RequestContext, TransactionHost } from '@lms/core';
import { UserService } from '@lms/identity';
import { DrillTrainingService } from '@lms/seminars';

/** Weeks of drills the demo's Almaty sections have run so far. */
const WEEKS_RUN = 6;
const DAY_MS = 86_400_000;

/**
 * The demo's weekly service training: Almaty's police department took the
 * drill plan six weeks ago, and its sections' heads have run the week's drill
 * with their shifts since (a section misses a week now and then, and not
 * every officer is on shift), recorded through the live service.
 */
@Injectable()
export class DemoDrillsSeeder {
  constructor(
    private readonly tx: TransactionHost,
    private readonly drills: DrillService,
    private readonly training: DrillTrainingService,
    private readonly users: UserService,
  ) {}

  /** Returns how many drills were recorded. */
  async seed(now: Date): Promise<number> {
    const system = RequestContext.system();
    const plans = await this.drills.listPlans(system, Object.assign(new DrillQuery(), { limit: 1, offset: 0 }));
    const plan = plans.items[0];
    const [region] = await this.tx.query<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM'`);
    const trainer = await this.users.byUsername('trainer');
    if (!plan || !region || !trainer) return 0;
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY_MS - WEEKS_RUN * 7 * DAY_MS;
    await this.training.assign(system, {
      planId: plan.id,
      unitId: region.id,
      startsOn: new Date(monday).toISOString().slice(0, 10),
    });
    // The sections' heads: the demo trainer stands in for them.
    const leader = new RequestContext({
      userId: trainer.id,
      username: trainer.username,
      officerId: null,
      roles: trainer.roles,
      tokenId: null,
    });
    const officers = await this.tx.query<{ unit_id: string; ids: string[] }>(
      `SELECT o.unit_id, array_agg(o.id ORDER BY o.personnel_number) AS ids
       FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE u.code LIKE 'ALM-%-%' AND o.status = 'active' GROUP BY o.unit_id ORDER BY min(u.code)`,
    );
    let recorded = 0;
    for (let week = 1; week <= Math.min(WEEKS_RUN, plan.weeks.length); week++) {
      // Wednesday of the week, 09:00 in Almaty.
      const heldAt = new Date(monday + ((week - 1) * 7 + 2) * DAY_MS + 4 * 3_600_000);
      if (heldAt.getTime() >= now.getTime()) break;
      for (const [s, section] of officers.entries()) {
        if ((s + week) % 5 === 0) continue;
        const officerIds = section.ids.filter((_id, i) => (i + week) % 4 !== 0);
        if (officerIds.length === 0) continue;
        await this.training.record(leader, {
          unitId: section.unit_id,
          drillId: plan.weeks[week - 1].drill.id,
          heldAt: heldAt.toISOString(),
          officerIds,
        });
        recorded++;
      }
    }
    return recorded;
  }
}
