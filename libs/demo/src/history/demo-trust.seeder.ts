import { Injectable } from '@nestjs/common';
import type { PastEnrollment } from '@lms/assignments';
import { RequestContext } from '@lms/core';
import { ListOfficersQuery, OfficerService } from '@lms/personnel';
import { COMPLAINT_COLUMNS, ComplaintService, TrustHistoryService } from '@lms/trust';
import { DemoClock } from './demo-clock';
import type { DemoWorld } from './demo-world';
import { everything } from './everything';
import { planTrust, type TrustOfficer } from './plan-trust';

export interface TrustSummary {
  feedback: number;
  surveyResponses: number;
  complaints: number;
  refreshers: number;
}

/**
 * The demo's year of public trust beside its training: feedback, surveys
 * and the complaints register through the trust library's history loader;
 * then today's refresher rule (a substantiated complaint of rudeness
 * assigns the programme's role-play course) and one such complaint imported
 * through the live register import, which assigns the refresher.
 */
@Injectable()
export class DemoTrustSeeder {
  constructor(
    private readonly officers: OfficerService,
    private readonly history: TrustHistoryService,
    private readonly complaints: ComplaintService,
  ) {}

  async seed(ctx: RequestContext, world: DemoWorld, enrolments: PastEnrollment[], now: Date): Promise<TrustSummary> {
    const firstCompletion = new Map<string, Date>();
    for (const e of enrolments) {
      if (!e.completedAt) continue;
      const known = firstCompletion.get(e.officerId);
      if (!known || e.completedAt < known) firstCompletion.set(e.officerId, e.completedAt);
    }
    const officers: TrustOfficer[] = (
      await everything((page) => this.officers.list(ctx, Object.assign(new ListOfficersQuery(), page)))
    )
      .filter((o) => o.status === 'active' && o.id !== world.demoOfficerId)
      .map((o) => ({
        id: o.id,
        unitId: o.unitId,
        unitCode: o.unitCode,
        personnelNumber: o.personnelNumber,
        region: o.unitCode.split('-')[0],
        language: o.language === 'kk' ? 'kk' : 'ru',
      }));
    const plan = planTrust({ officers, firstCompletion, regionUnitIds: world.regionUnitIds }, now);
    await this.history.load(ctx, plan);

    const rolePlay = world.courses.find((course) => course.content.completionRule?.practicalPassed);
    let refreshers = 0;
    if (rolePlay) {
      await this.complaints.createRule(ctx, { category: 'rudeness', courseId: rolePlay.id, dueInDays: 30 });
      // An officer the course does not cover yet (a valid completion or an open enrolment would be kept as it is).
      const covered = new Set(enrolments.filter((e) => e.courseId === rolePlay.id).map((e) => e.officerId));
      const almaty = officers.filter((o) => o.region === 'ALM');
      const target = almaty.find((o) => !covered.has(o.id)) ?? almaty[0];
      const today = new DemoClock(now).date(-1);
      const csv = [
        COMPLAINT_COLUMNS.join(','),
        `ALM-${today.slice(0, 4)}-R001,${today},${target.unitCode},${target.personnelNumber},rudeness,substantiated`,
      ].join('\n');
      refreshers = (await this.complaints.import(ctx, csv)).refreshersAssigned;
    }
    return {
      feedback: plan.feedback.length,
      surveyResponses: plan.surveys.reduce((n, s) => n + s.responses.length, 0),
      complaints: plan.complaints.length + (rolePlay ? 1 : 0),
      refreshers,
    };
  }
}
