import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  AuditService,
  Clock,
  NotFound,
  Page,
  RequestContext,
  subtreeCondition,
  TransactionHost,
  ValidationFailed,
} from '@lms/core';
import { UnitService } from '@lms/personnel';
import { CreateSurveyDto, ListSurveysQuery, SubmitSurveyDto } from '../dto/survey.dto';
import { PublicSurveyView, SurveyResults, SurveyView } from '../dto/survey.response';
import { HumanCheckFailed, SurveyClosed } from '../trust.errors';
import { AddressGuard } from './address-guard.service';
import { HumanChallenge, HumanCheck } from './human-check';
import { MINIMUM_RESPONSES } from './minimum';
import { newPublicCode, readPublicCode } from './public-code';
import { SurveyCounts, surveyCountsSql, surveyShares } from './survey-tally';

export const SURVEY_PATH = '/s/';

interface SurveyRow {
  id: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  code: string;
  title: { kk: string; ru: string; en?: string };
  opens_on: string;
  closes_on: string;
  closed_at: Date | null;
  responses: number;
  created_at: Date;
}

const SURVEY_SELECT = `SELECT s.id, s.unit_id, u.name AS unit_name, u.path AS unit_path, s.code, s.title,
    to_char(s.opens_on, 'YYYY-MM-DD') AS opens_on, to_char(s.closes_on, 'YYYY-MM-DD') AS closes_on, s.closed_at, s.created_at,
    (SELECT count(*)::int FROM survey_response r WHERE r.survey_id = s.id) AS responses
  FROM trust_survey s JOIN unit u ON u.id = s.unit_id`;

/**
 * The population survey a region runs with a public link for a period: the
 * thesis's questionnaire, its anonymous answers and its results beside the
 * thesis's figures. Owns `trust_survey` and `survey_response`.
 */
@Injectable()
export class SurveyService {
  private readonly human: HumanCheck;

  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitService,
    private readonly audit: AuditService,
    private readonly guard: AddressGuard,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.human = new HumanCheck(config.jwtSecret);
  }

  /** HR of the unit's subtree opens a survey for a period. */
  async create(ctx: RequestContext, dto: CreateSurveyDto, origin: string): Promise<SurveyView> {
    if (dto.closesOn < dto.opensOn) {
      throw new ValidationFailed('The survey closes before it opens', [
        { field: 'closesOn', message: 'closesOn must not be before opensOn' },
      ]);
    }
    return this.tx.withTransaction(async () => {
      const unit = await this.units.findInScope(ctx, dto.unitId, ['hr']);
      const [{ id }] = await this.tx.query<{ id: string }>(
        `INSERT INTO trust_survey (unit_id, code, title, opens_on, closes_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [dto.unitId, newPublicCode(), dto.title, dto.opensOn, dto.closesOn, ctx.userId],
      );
      await this.audit.record(ctx, {
        action: 'trust-survey.create',
        entityType: 'trust_survey',
        entityId: id,
        unitPath: unit.path,
        after: { ...dto },
      });
      return this.get(ctx, id, origin);
    });
  }

  async list(ctx: RequestContext, query: ListSurveysQuery, origin: string): Promise<Page<SurveyView>> {
    const params: unknown[] = [];
    const where = [subtreeCondition('u.path', ctx.subtrees('hr'), params)];
    if (query.unitId) {
      const unit = await this.units.findInScope(ctx, query.unitId, ['hr']);
      params.push(`${unit.path}%`);
      where.push(`u.path LIKE $${params.length}`);
    }
    const { rows, total } = await this.tx.page<SurveyRow>({
      from: 'trust_survey s JOIN unit u ON u.id = s.unit_id',
      select: SURVEY_SELECT,
      where: where.join(' AND '),
      orderBy: 's.opens_on DESC, s.id',
      params,
      page: query,
    });
    return { items: rows.map((row) => mapSurvey(row, origin)), total, limit: query.limit, offset: query.offset };
  }

  async get(ctx: RequestContext, id: string, origin: string): Promise<SurveyView> {
    return mapSurvey(await this.find(ctx, id), origin);
  }

  /** The results beside the thesis's figures; shares only from 5 responses up. */
  async results(ctx: RequestContext, id: string, origin: string): Promise<SurveyResults> {
    const survey = await this.find(ctx, id);
    const [counts] = await this.tx.query<SurveyCounts>(surveyCountsSql('survey_response r WHERE r.survey_id = $1'), [
      id,
    ]);
    return { survey: mapSurvey(survey, origin), minimumResponses: MINIMUM_RESPONSES, ...surveyShares(counts) };
  }

  /** HR closes a survey before the end of its period: it takes no answers from now on (closing twice changes nothing). */
  async close(ctx: RequestContext, id: string, origin: string): Promise<SurveyView> {
    return this.tx.withTransaction(async () => {
      const survey = await this.find(ctx, id);
      const closed = await this.tx.query(
        `UPDATE trust_survey SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL RETURNING id`,
        [id, this.clock.now()],
      );
      if (closed.length) {
        await this.audit.record(ctx, {
          action: 'trust-survey.close',
          entityType: 'trust_survey',
          entityId: id,
          unitPath: survey.unit_path,
        });
      }
      return this.get(ctx, id, origin);
    });
  }

  /** Public: the questionnaire's title and a human check; 404 for an unknown code, 409 outside its period. */
  async open(code: string): Promise<{
    code: string;
    title: SurveyRow['title'];
    unitName: string;
    closesOn: string;
    challenge: HumanChallenge;
  }> {
    const row = await this.byCode(code);
    if (!row.open_today) throw new SurveyClosed();
    return {
      code: row.code,
      title: row.title,
      unitName: row.unit_name,
      closesOn: row.closes_on,
      challenge: this.human.issue(row.code, this.clock.now()),
    };
  }

  async form(code: string): Promise<PublicSurveyView> {
    const { challenge, ...rest } = await this.open(code);
    return { ...rest, challenge: { question: `${challenge.a} + ${challenge.b} = ?`, token: challenge.token } };
  }

  /** Public: one anonymous answer; the same address counts once a day for a survey. */
  async submit(code: string, dto: SubmitSurveyDto, address: string): Promise<{ counted: boolean }> {
    const survey = await this.byCode(code);
    if (!survey.open_today) throw new SurveyClosed();
    const repeatKey = await this.guard.admit(address, `survey:${survey.id}`);
    const verdict = this.human.verify(survey.code, dto.challenge, dto.answer, this.clock.now());
    if (verdict !== 'ok') throw new HumanCheckFailed(verdict);
    // Reasons for distrust only from those who do not fully trust: the thesis's question asks them.
    const reasons = dto.trustLevel === 'trust' ? [] : (dto.distrustReasons ?? []);
    const inserted = await this.tx.query(
      `INSERT INTO survey_response (survey_id, submitted_at, trust_level, distrust_reasons, opinion_source, qualities, language, repeat_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (survey_id, repeat_key) DO NOTHING RETURNING id`,
      [
        survey.id,
        this.clock.now(),
        dto.trustLevel,
        reasons,
        dto.opinionSource ?? null,
        dto.qualities ?? [],
        dto.language ?? 'ru',
        repeatKey,
      ],
    );
    return { counted: inserted.length > 0 };
  }

  private async find(ctx: RequestContext, id: string): Promise<SurveyRow> {
    const params: unknown[] = [id];
    const scope = subtreeCondition('u.path', ctx.subtrees('hr'), params);
    const [row] = await this.tx.query<SurveyRow>(`${SURVEY_SELECT} WHERE s.id = $1 AND ${scope}`, params);
    if (!row) throw new NotFound('Survey', id);
    return row;
  }

  /** The survey a public code names, and whether it takes answers today (Asia/Almaty). */
  private async byCode(input: string): Promise<SurveyRow & { open_today: boolean }> {
    const code = readPublicCode(input);
    const [row] = code
      ? await this.tx.query<SurveyRow & { open_today: boolean }>(
          `SELECT x.*, ($2::timestamptz AT TIME ZONE 'Asia/Almaty')::date BETWEEN x.opens_on::date AND x.closes_on::date
                  AND (x.closed_at IS NULL OR x.closed_at > $2) AS open_today
           FROM (${SURVEY_SELECT} WHERE s.code = $1) x`,
          [code, this.clock.now()],
        )
      : [];
    if (!row) throw new NotFound('Survey');
    return row;
  }
}

function mapSurvey(row: SurveyRow, origin: string): SurveyView {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    code: row.code,
    url: `${origin}${SURVEY_PATH}${row.code}`,
    title: row.title,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    closedAt: row.closed_at,
    responses: row.responses,
    createdAt: row.created_at,
  };
}
