import type { PastComplaint, PastFeedback, PastSurvey } from '@lms/trust';
import { DemoClock } from './demo-clock';
import { DemoRandom } from './demo-random';

/** Another seed than the training's: adding trust history leaves the training history as it was. */
const TRUST_SEED = 20_260_418;

export interface TrustOfficer {
  id: string;
  unitId: string;
  unitCode: string;
  personnelNumber: string;
  region: string;
  language: 'kk' | 'ru';
}

export interface TrustWorld {
  officers: TrustOfficer[];
  /** Each officer's first completed course, when they completed one. */
  firstCompletion: Map<string, Date>;
  regionUnitIds: Map<string, string>;
}

export interface TrustPlan {
  feedback: PastFeedback[];
  surveys: PastSurvey[];
  complaints: PastComplaint[];
}

/** Feedback per officer over the year, by region: Almaty and Astana card their officers, the others began later. */
const FEEDBACK_PER_YEAR: Record<string, number> = { ALM: 6, AST: 4, SHY: 2, KRG: 2 };
/** Complaints a year per 100 officers. */
const COMPLAINTS_PER_100: Record<string, number> = { ALM: 22, AST: 16, SHY: 25, KRG: 20 };
const CATEGORIES: [string, number][] = [
  ['rudeness', 0.35],
  ['inaction', 0.25],
  ['corruption', 0.15],
  ['unlawful_force', 0.1],
  ['other', 0.15],
];
const COMMENTS = {
  kk: [
    'Сыпайы сөйлеп, бәрін түсіндірді. Рахмет!',
    'Ұзақ күттірді, себебін айтпады.',
    'Маған 8 701 555 12 34 нөміріне хабарласыңыз',
    'Әділ шешім қабылдады.',
  ],
  ru: [
    'Вежливо всё объяснил, спасибо.',
    'Разговаривал грубо, не представился.',
    'Перезвоните мне: +7 (707) 123-45-67',
    'Быстро помог, объяснил мои права.',
    'Долго ждали, причину остановки не назвали.',
  ],
};

function weighted(random: DemoRandom, items: [string, number][]): string {
  let r = random.next();
  for (const [item, weight] of items) {
    if ((r -= weight) < 0) return item;
  }
  return items[items.length - 1][0];
}

const clamp = (n: number) => Math.max(1, Math.min(5, Math.round(n)));

/**
 * The demo's year of public trust, a pure function of the world and the
 * date: feedback that improves once an officer has completed a course,
 * complaints at each region's rate (the older ones decided, the latest
 * pending), and Almaty's quarterly survey with trust rising toward the
 * thesis's 64.3%, Astana's once.
 */
export function planTrust(world: TrustWorld, now: Date): TrustPlan {
  const clock = new DemoClock(now);
  const random = new DemoRandom(TRUST_SEED);
  const feedback: PastFeedback[] = [];
  const complaints: PastComplaint[] = [];
  for (const officer of world.officers) {
    const quality = 2.9 + random.next() * 1.3;
    const trained = world.firstCompletion.get(officer.id);
    const count = random.between(0, 2 * (FEEDBACK_PER_YEAR[officer.region] ?? 1));
    for (let i = 0; i < count; i++) {
      const at = clock.at(-random.between(1, 364), random.between(8, 21), random.between(0, 59));
      const lift = trained && at > trained ? 0.7 : 0;
      const mean = quality + lift;
      const score = () => clamp(mean + (random.next() - 0.5) * 1.6);
      const courtesy = score();
      const clarity = score();
      const fairness = score();
      const average = (courtesy + clarity + fairness) / 3;
      const trustChange = average >= 4 ? (random.chance(0.7) ? 1 : 0) : average < 3 ? (random.chance(0.6) ? -1 : 0) : 0;
      const language = random.chance(0.08) ? 'en' : officer.language;
      const comments = COMMENTS[language === 'kk' ? 'kk' : 'ru'];
      feedback.push({
        officerId: officer.id,
        submittedAt: at,
        courtesy,
        clarity,
        fairness,
        trustChange,
        language,
        ...(random.chance(0.3) ? { comment: random.pick(comments) } : {}),
      });
    }
  }
  const byRegion = new Map<string, TrustOfficer[]>();
  for (const officer of world.officers)
    byRegion.set(officer.region, [...(byRegion.get(officer.region) ?? []), officer]);
  let number = 1;
  for (const [region, officers] of byRegion) {
    const yearly = Math.round(((COMPLAINTS_PER_100[region] ?? 20) * officers.length) / 100);
    for (let i = 0; i < yearly; i++) {
      const day = -random.between(3, 364);
      const officer = random.chance(0.75) ? random.pick(officers) : null;
      const unitId = officer?.unitId ?? world.regionUnitIds.get(region)!;
      const outcome = day > -30 ? 'pending' : random.chance(0.35) ? 'substantiated' : 'unsubstantiated';
      complaints.push({
        number: `${region}-${clock.date(day).slice(0, 4)}-${String(number++).padStart(4, '0')}`,
        receivedOn: clock.date(day),
        unitId,
        officerId: officer?.id ?? null,
        category: weighted(random, CATEGORIES),
        outcome,
      });
    }
  }
  const surveys: PastSurvey[] = [];
  const survey = (region: string, start: number, trust: number, size: number, label: string) => {
    const unitId = world.regionUnitIds.get(region);
    if (!unitId) return;
    const responses: PastSurvey['responses'] = [];
    for (let i = 0; i < size; i++) {
      const r = random.next();
      const trustLevel =
        r < trust
          ? 'trust'
          : r < trust + 0.26
            ? 'partly'
            : r < trust + 0.3
              ? 'rather_distrust'
              : r < trust + 0.34
                ? 'distrust'
                : 'hard_to_say';
      const reasons =
        trustLevel === 'trust'
          ? []
          : [
              ...new Set([
                weighted(random, [
                  ['corruption', 0.4],
                  ['formalism', 0.25],
                  ['bad_experience', 0.2],
                  ['fear', 0.15],
                ]),
                ...(random.chance(0.4) ? [random.pick(['media', 'punishment', 'closed'])] : []),
              ]),
            ];
      responses.push({
        submittedAt: clock.at(start + random.between(0, 29), random.between(9, 22), random.between(0, 59)),
        trustLevel,
        distrustReasons: reasons,
        opinionSource: weighted(random, [
          ['tv', 0.4],
          ['personal', 0.3],
          ['friends_family', 0.2],
          ['social_networks', 0.1],
        ]),
        qualities: [
          ...new Set([
            random.pick(['educated', 'responsible', 'patriot']),
            random.pick(['honest', 'polite', 'fair', 'professional']),
          ]),
        ],
        language: random.chance(0.5) ? 'kk' : 'ru',
      });
    }
    surveys.push({
      unitId,
      title: {
        kk: `${label}: полицияға сенім туралы сауалнама`,
        ru: `${label}: опрос о доверии к полиции`,
        en: `${label}: trust in the police survey`,
      },
      opensOn: clock.date(start),
      closesOn: clock.date(start + 29),
      responses,
    });
  };
  // Almaty each quarter, trust rising as the programme goes on; Astana once, half a year ago.
  for (const [q, trust] of [0.55, 0.58, 0.61, 0.65].entries())
    survey('ALM', -360 + q * 90, trust, random.between(45, 70), `Алматы ${q + 1}`);
  survey('AST', -180, 0.6, 40, 'Астана');
  return { feedback, surveys, complaints };
}
