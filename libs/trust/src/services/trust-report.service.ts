import { Injectable } from '@nestjs/common';
import { Clock, localDay, RequestContext, TransactionHost, ValidationFailed } from '@lms/core';
import { UnitService } from '@lms/personnel';
import {
  BeforeAfter,
  FeedbackFigures,
  SurveyFigures,
  TrustReport,
  TrustReportQuery,
  TrustRow,
} from '../dto/trust-report.dto';
import { MINIMUM_RESPONSES, shown } from './minimum';
import { SurveyCounts, surveyCountsSql } from './survey-tally';
import { THESIS_BASELINE } from './thesis-baseline';
import { BEFORE_AFTER_SQL, TRUST_REPORT_SQL, TRUST_SUMMARY_SQL } from './trust-report.sql';

interface ReportRow {
  id: string;
  code: string;
  name: string;
  is_total: boolean;
  officers: number;
  responses: number;
  courtesy: number | null;
  clarity: number | null;
  fairness: number | null;
  raised: number | null;
  lowered: number | null;
  complaints: number;
  substantiated: number;
  rudeness: number;
  corruption: number;
  inaction: number;
  unlawful_force: number;
  other: number;
  done: number;
  due: number;
}

type SummaryRow = FeedbackSums & { officers: number; complaints: number };

/** What HR's dashboard shows of public trust: the subtree's totals over the period. */
export interface TrustSummary {
  unitId: string;
  from: string;
  to: string;
  officers: number;
  feedback: FeedbackFigures;
  complaintsPer100: number | null;
  survey: SurveyFigures;
}

const per100 = (count: number, officers: number) =>
  officers > 0 ? Math.round((10000 * count) / officers) / 100 : null;
const mean = (sum: number | null, n: number) => shown(sum === null ? null : sum / n, n);

type FeedbackSums = Pick<ReportRow, 'responses' | 'courtesy' | 'clarity' | 'fairness' | 'raised' | 'lowered'>;

function feedbackOf(row: FeedbackSums): FeedbackFigures {
  const n = row.responses;
  return {
    responses: n,
    courtesy: mean(row.courtesy, n),
    clarity: mean(row.clarity, n),
    fairness: mean(row.fairness, n),
    trustRaised: shown(row.raised === null ? null : (100 * row.raised) / n, n, 1),
    trustLowered: shown(row.lowered === null ? null : (100 * row.lowered) / n, n, 1),
  };
}

function mapRow(row: ReportRow): TrustRow {
  return {
    unitId: row.id,
    unitCode: row.code,
    unitName: row.name,
    officers: row.officers,
    feedback: feedbackOf(row),
    complaints: {
      total: row.complaints,
      substantiated: row.substantiated,
      per100: per100(row.complaints, row.officers),
      rudenessPer100: per100(row.rudeness, row.officers),
      corruptionPer100: per100(row.corruption, row.officers),
      inactionPer100: per100(row.inaction, row.officers),
      unlawfulForcePer100: per100(row.unlawful_force, row.officers),
      otherPer100: per100(row.other, row.officers),
    },
    trainingCompletion: row.due > 0 ? Math.round((1000 * row.done) / row.due) / 10 : null,
  };
}

/**
 * Trust indicators per unit and period set beside the programme's
 * completion in the same units: feedback, complaint rates per 100 officers,
 * survey results, and feedback before and after officers' training. HR
 * sees its subtree; no average over fewer than 5 responses.
 */
@Injectable()
export class TrustReportService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitService,
    private readonly clock: Clock,
  ) {}

  async report(ctx: RequestContext, query: TrustReportQuery): Promise<TrustReport> {
    const { unit, from, to } = await this.period(ctx, query);
    const params = [unit.id, from, to];
    const [rows, [ba], survey] = await this.tx.concurrently([
      () => this.tx.query<ReportRow>(TRUST_REPORT_SQL, params),
      () =>
        this.tx.query<{
          officers: number;
          before_n: number;
          after_n: number;
          score_before: string | null;
          score_after: string | null;
          raised_before: string | null;
          raised_after: string | null;
        }>(BEFORE_AFTER_SQL, params),
      () => this.survey(unit.path, from, to),
    ]);
    const beforeAfter: BeforeAfter = {
      officers: ba.officers,
      responsesBefore: ba.before_n,
      responsesAfter: ba.after_n,
      scoreBefore: shown(ba.score_before, ba.before_n),
      scoreAfter: shown(ba.score_after, ba.after_n),
      trustRaisedBefore: shown(ba.raised_before, ba.before_n, 1),
      trustRaisedAfter: shown(ba.raised_after, ba.after_n, 1),
    };
    const total = rows.find((row) => row.is_total)!;
    const children = rows.filter((row) => !row.is_total);
    return {
      unitId: unit.id,
      unitName: unit.name,
      from,
      to,
      minimumResponses: MINIMUM_RESPONSES,
      rows: (children.length ? children : [total]).map(mapRow),
      total: mapRow(total),
      beforeAfter,
      survey,
    };
  }

  /**
   * The subtree's totals alone (HR's dashboard): the same figures as the
   * report's total row and survey, without the per-unit rows, the training
   * column or the before-and-after comparison it does not show.
   */
  async summary(ctx: RequestContext, query: Pick<TrustReportQuery, 'unitId' | 'from' | 'to'>): Promise<TrustSummary> {
    const { unit, from, to } = await this.period(ctx, query);
    const [[total], survey] = await this.tx.concurrently([
      () => this.tx.query<SummaryRow>(TRUST_SUMMARY_SQL, [unit.id, from, to]),
      () => this.survey(unit.path, from, to),
    ]);
    return {
      unitId: unit.id,
      from,
      to,
      officers: total.officers,
      feedback: feedbackOf(total),
      complaintsPer100: per100(total.complaints, total.officers),
      survey,
    };
  }

  /** The subtree in HR's scope and the period: by default the year up to today in Almaty. */
  private async period(ctx: RequestContext, query: Pick<TrustReportQuery, 'unitId' | 'from' | 'to'>) {
    const unitId = query.unitId ?? (await this.units.defaultUnit(ctx, ['hr']));
    const unit = await this.units.findInScope(ctx, unitId, ['hr']);
    const to = query.to ?? almatyDay(this.clock.now());
    const from = query.from ?? shiftYear(to, -1);
    if (from > to)
      throw new ValidationFailed('The period ends before it starts', [
        { field: 'from', message: 'from must not be after to' },
      ]);
    return { unit, from, to };
  }

  /** The subtree's survey answers of surveys open in the period, as shares (none under 5 answers). */
  private async survey(unitPath: string, from: string, to: string): Promise<SurveyFigures> {
    const [counts] = await this.tx.query<SurveyCounts & { surveys: number }>(
      `${surveyCountsSql(
        `survey_response r JOIN trust_survey s ON s.id = r.survey_id JOIN unit u ON u.id = s.unit_id
         WHERE u.path LIKE $1 || '%' AND s.closes_on >= $2::date AND s.opens_on <= $3::date`,
      )}, (SELECT count(*)::int FROM trust_survey s JOIN unit u ON u.id = s.unit_id
            WHERE u.path LIKE $1 || '%' AND s.closes_on >= $2::date AND s.opens_on <= $3::date) AS surveys`,
      [unitPath, from, to],
    );
    const level = (key: string) =>
      counts.responses > 0 ? shown((100 * (counts.levels?.[key] ?? 0)) / counts.responses, counts.responses, 1) : null;
    return {
      surveys: counts.surveys,
      responses: counts.responses,
      trust: level('trust'),
      partly: level('partly'),
      distrust:
        counts.responses >= MINIMUM_RESPONSES
          ? Math.round(
              (1000 * ((counts.levels?.rather_distrust ?? 0) + (counts.levels?.distrust ?? 0))) / counts.responses,
            ) / 10
          : null,
      baselineTrust: THESIS_BASELINE.trustLevels.trust,
    };
  }
}

function almatyDay(at: Date): string {
  return localDay(at, 'Asia/Almaty');
}

function shiftYear(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const shifted = new Date(Date.UTC(y + years, m - 1, d + 1));
  return shifted.toISOString().slice(0, 10);
}
