import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { LocalizedText, TransactionHost } from '@lms/core';
import type { DrillLesson, DrillPlanWeek } from '../entities/drill.entity';
import type { ScenarioDescriptor } from '../entities/scenario.entity';

/** The role-play scenario bank as `scenarios.json` holds it (see programme/FORMAT.md). */
export interface ScenarioBankFile {
  format: 'lms-scenarios/1';
  levels: { code: string; minScore: number; maxScore: number; title: LocalizedText }[];
  trustFactors: { code: string; effect: 'builds' | 'destroys'; title: LocalizedText }[];
  autoFailBehaviours: { code: string; title: LocalizedText }[];
  scenarios: {
    code: string;
    courseCode: string;
    title: LocalizedText;
    durationMinutes: number;
    setting: LocalizedText;
    citizenBrief: LocalizedText;
    officerBrief: LocalizedText;
    trustFactors: string[];
    descriptors: ScenarioDescriptor[];
    autoFail: string[];
  }[];
}

/** The weekly drill plan as `drills.json` holds it. */
export interface DrillPlanFile {
  format: 'lms-drills/1';
  plan: {
    code: string;
    programmeCode: string;
    title: LocalizedText;
    description: LocalizedText;
    weeks: DrillPlanWeek[];
  };
  drills: {
    code: string;
    week: number;
    durationMinutes: number;
    title: LocalizedText;
    situation: LocalizedText;
    discussionPoints: LocalizedText[];
    rightConduct: LocalizedText[];
    lessons: DrillLesson[];
  }[];
}

const readSeed = <T>(file: string): T => JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as T;
export const scenarioBankFile = () => readSeed<ScenarioBankFile>('scenarios.json');
export const drillPlanFile = () => readSeed<DrillPlanFile>('drills.json');

/** What loading the bank and the plan changed. */
export interface BankSeedResult {
  scenarioRevisions: number;
  drillRevisions: number;
  plan: 'created' | 'updated' | 'unchanged';
}

/**
 * Loads the scenario bank and the drill plan. A scenario or drill whose
 * content changed gets a new revision and the current one is retired (a
 * revision is never edited, as assessments and drill sessions point at it);
 * one that left the file is retired. The short lists (levels, trust factors,
 * automatic-fail behaviours) and the plan are kept in line with the files.
 * Each step is one statement; a second run changes nothing.
 */
@Injectable()
export class BankSeeder {
  constructor(private readonly tx: TransactionHost) {}

  async seed(): Promise<BankSeedResult> {
    const bank = scenarioBankFile();
    const plan = drillPlanFile();
    await this.vocabulary(bank);
    const scenarioRevisions = await this.revise(
      'scenario',
      bank.scenarios.map((s) => ({
        code: s.code,
        course_code: s.courseCode,
        title: s.title,
        duration_minutes: s.durationMinutes,
        setting: s.setting,
        citizen_brief: s.citizenBrief,
        officer_brief: s.officerBrief,
        trust_factors: s.trustFactors,
        auto_fail: s.autoFail,
        descriptors: s.descriptors,
      })),
    );
    const drillRevisions = await this.revise(
      'drill',
      plan.drills.map((d) => ({
        code: d.code,
        title: d.title,
        duration_minutes: d.durationMinutes,
        situation: d.situation,
        discussion_points: d.discussionPoints,
        right_conduct: d.rightConduct,
        lessons: d.lessons,
      })),
    );
    return { scenarioRevisions, drillRevisions, plan: await this.plan(plan.plan) };
  }

  /** Levels, trust factors and automatic-fail behaviours: upserted by code, in the file's order. */
  private async vocabulary(bank: ScenarioBankFile): Promise<void> {
    const rows = (list: object[]) => JSON.stringify(list.map((item, i) => ({ ...item, position: i + 1 })));
    await this.tx.query(
      `INSERT INTO scenario_level (code, position, min_score, max_score, title)
       SELECT code, position, "minScore", "maxScore", title
       FROM jsonb_to_recordset($1::jsonb) AS l(code text, position int, "minScore" int, "maxScore" int, title jsonb)
       ON CONFLICT (code) DO UPDATE SET position = excluded.position, min_score = excluded.min_score,
         max_score = excluded.max_score, title = excluded.title
       WHERE (scenario_level.position, scenario_level.min_score, scenario_level.max_score, scenario_level.title)
         IS DISTINCT FROM (excluded.position, excluded.min_score, excluded.max_score, excluded.title)`,
      [rows(bank.levels)],
    );
    await this.tx.query(
      `INSERT INTO scenario_trust_factor (code, position, effect, title)
       SELECT code, position, effect, title FROM jsonb_to_recordset($1::jsonb) AS f(code text, position int, effect text, title jsonb)
       ON CONFLICT (code) DO UPDATE SET position = excluded.position, effect = excluded.effect, title = excluded.title
       WHERE (scenario_trust_factor.position, scenario_trust_factor.effect, scenario_trust_factor.title)
         IS DISTINCT FROM (excluded.position, excluded.effect, excluded.title)`,
      [rows(bank.trustFactors)],
    );
    await this.tx.query(
      `INSERT INTO scenario_auto_fail_behaviour (code, position, title)
       SELECT code, position, title FROM jsonb_to_recordset($1::jsonb) AS b(code text, position int, title jsonb)
       ON CONFLICT (code) DO UPDATE SET position = excluded.position, title = excluded.title
       WHERE (scenario_auto_fail_behaviour.position, scenario_auto_fail_behaviour.title)
         IS DISTINCT FROM (excluded.position, excluded.title)`,
      [rows(bank.autoFailBehaviours)],
    );
  }

  /**
   * Retires the current revisions that differ from the file (or left it),
   * then inserts the next revision of every code without a current one.
   * Every column but the key is compared as one jsonb document. Returns how
   * many revisions were inserted.
   */
  private async revise(table: 'scenario' | 'drill', items: Record<string, unknown>[]): Promise<number> {
    const scenario = table === 'scenario';
    const columns = Object.keys(items[0]).filter((c) => c !== 'code' && c !== 'course_code');
    const stored = [...(scenario ? ['course_id'] : []), ...columns];
    // The file's rows with the course resolved; `doc` is what a revision says, comparable with a stored row's.
    const incoming = `
      WITH incoming AS (
        SELECT i.value ->> 'code' AS code, ${scenario ? 'c.id' : 'NULL::uuid'} AS course_id, i.value AS item
        FROM jsonb_array_elements($1::jsonb) AS i(value)
        ${scenario ? `JOIN course c ON lower(c.code) = lower(i.value ->> 'course_code')` : ''}
      )`;
    const storedDoc = `jsonb_build_object(${stored.map((c) => `'${c}', t.${c}`).join(', ')})`;
    const incomingDoc = `jsonb_build_object(${stored
      .map((c) => (c === 'course_id' ? `'course_id', i.course_id` : `'${c}', i.item -> '${c}'`))
      .join(', ')})`;
    await this.tx.query(
      `${incoming}
       UPDATE ${table} t SET retired_at = now()
       WHERE t.retired_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i.code = t.code AND ${incomingDoc} = ${storedDoc})`,
      [JSON.stringify(items)],
    );
    const inserted = await this.tx.query<{ id: string }>(
      `${incoming}
       INSERT INTO ${table} (code, revision, ${stored.join(', ')})
       SELECT i.code, coalesce((SELECT max(t.revision) FROM ${table} t WHERE t.code = i.code), 0) + 1,
              ${stored.map((c) => (c === 'course_id' ? 'i.course_id' : `${jsonColumn(c)}`)).join(', ')}
       FROM incoming i
       WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.code = i.code AND t.retired_at IS NULL)
       RETURNING id`,
      [JSON.stringify(items)],
    );
    return inserted.length;
  }

  /** The plan, by code: created, or its texts, programme and weeks brought in line. */
  private async plan(plan: DrillPlanFile['plan']): Promise<BankSeedResult['plan']> {
    const [row] = await this.tx.query<{ created: boolean }>(
      `INSERT INTO drill_plan (code, programme_id, title, description, weeks)
       VALUES ($1, (SELECT id FROM programme WHERE lower(code) = lower($2)), $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET programme_id = excluded.programme_id, title = excluded.title,
         description = excluded.description, weeks = excluded.weeks, updated_at = now()
       WHERE (drill_plan.programme_id, drill_plan.title, drill_plan.description, drill_plan.weeks)
         IS DISTINCT FROM (excluded.programme_id, excluded.title, excluded.description, excluded.weeks)
       RETURNING (xmax = 0) AS created`,
      [
        plan.code,
        plan.programmeCode,
        JSON.stringify(plan.title),
        JSON.stringify(plan.description),
        JSON.stringify(plan.weeks),
      ],
    );
    return !row ? 'unchanged' : row.created ? 'created' : 'updated';
  }
}

/** A jsonb column of the incoming item, or an integer one. */
function jsonColumn(column: string): string {
  return column === 'duration_minutes' ? `(i.item ->> '${column}')::int` : `i.item -> '${column}'`;
}
