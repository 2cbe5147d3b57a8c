import { Injectable } from '@nestjs/common';
import { NotFound, Page, RequestContext, TransactionHost } from '@lms/core';
import { ScenarioView } from '../dto/bank.response';
import type { ScenarioQuery } from '../dto/bank.dto';

const SCENARIO_SELECT = `
  SELECT s.id, s.code, s.revision, s.retired_at IS NULL AS current, s.course_id AS "courseId", c.code AS "courseCode",
         s.title, s.duration_minutes AS "durationMinutes", s.setting, s.citizen_brief AS "citizenBrief",
         s.officer_brief AS "officerBrief", s.created_at AS "createdAt", s.retired_at AS "retiredAt",
         (SELECT coalesce(json_agg(json_build_object('code', f.code, 'effect', f.effect, 'title', f.title) ORDER BY f.position), '[]')
          FROM scenario_trust_factor f WHERE s.trust_factors ? f.code) AS "trustFactors",
         (SELECT coalesce(json_agg(json_build_object('code', b.code, 'title', b.title) ORDER BY b.position), '[]')
          FROM scenario_auto_fail_behaviour b WHERE s.auto_fail ? b.code) AS "autoFail",
         (SELECT coalesce(json_agg(json_build_object('criterionId', d.value ->> 'criterionId', 'level', l.code,
                   'minScore', l.min_score, 'maxScore', l.max_score, 'levelTitle', l.title, 'text', d.value -> 'text')
                   ORDER BY d.n), '[]')
          FROM jsonb_array_elements(s.descriptors) WITH ORDINALITY AS d(value, n)
          JOIN scenario_level l ON l.code = d.value ->> 'level') AS descriptors
  FROM scenario s JOIN course c ON c.id = s.course_id`;

/** A scenario fits a course version when it is of that course and every criterion it describes is in the version's rubric. */
const FITS_VERSION = `
  EXISTS (SELECT 1 FROM course_version v WHERE v.id = $PARAM AND v.course_id = s.course_id
          AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(s.descriptors) d
                          WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v.content -> 'rubric' -> 'criteria') k
                                            WHERE k ->> 'id' = d ->> 'criterionId')))`;

/** What scoring a role-play needs to know of a scenario. */
export interface ScenarioForAssessment {
  id: string;
  code: string;
  courseId: string;
  current: boolean;
  /** It describes only criteria of the given version's rubric. */
  fitsVersion: boolean;
  autoFail: string[];
}

/** The role-play scenario bank: scenarios by course, each revision as it was. Reads `scenario` and its lists. */
@Injectable()
export class ScenarioService {
  constructor(private readonly tx: TransactionHost) {}

  async list(_ctx: RequestContext, query: ScenarioQuery): Promise<Page<ScenarioView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    // `$PARAM` in a condition is the parameter it adds.
    const add = (condition: string, value: unknown) => {
      params.push(value);
      where.push(condition.replaceAll('$PARAM', `$${params.length}`));
    };
    if (!query.includeRetired) where.push('s.retired_at IS NULL');
    if (query.courseId) add('s.course_id = $PARAM', query.courseId);
    if (query.courseVersionId) add(FITS_VERSION, query.courseVersionId);
    if (query.trustFactor) add('s.trust_factors ? $PARAM::text', query.trustFactor);
    const { rows, total } = await this.tx.page<ScenarioView>({
      from: 'scenario s',
      select: SCENARIO_SELECT,
      where: where.join(' AND ') || 'TRUE',
      orderBy: 'c.code, s.code, s.revision DESC',
      params,
      page: query,
    });
    return { items: rows, total, limit: query.limit, offset: query.offset };
  }

  async get(_ctx: RequestContext, id: string): Promise<ScenarioView> {
    const [row] = await this.tx.query<ScenarioView>(`${SCENARIO_SELECT} WHERE s.id = $1`, [id]);
    if (!row) throw new NotFound('Scenario', id);
    return row;
  }

  /** The scenario as the role-play scoring checks it against the pinned version; null when there is none. */
  async forAssessment(id: string, courseVersionId: string): Promise<ScenarioForAssessment | null> {
    const [row] = await this.tx.query<ScenarioForAssessment>(
      `SELECT s.id, s.code, s.course_id AS "courseId", s.retired_at IS NULL AS current, s.auto_fail AS "autoFail",
              ${FITS_VERSION.replaceAll('$PARAM', '$2')} AS "fitsVersion"
       FROM scenario s WHERE s.id = $1`,
      [id, courseVersionId],
    );
    return row ?? null;
  }

  /** The automatic-fail behaviours' codes that exist. */
  async autoFailCodes(): Promise<string[]> {
    const rows = await this.tx.query<{ code: string }>(
      'SELECT code FROM scenario_auto_fail_behaviour ORDER BY position',
    );
    return rows.map((row) => row.code);
  }
}
