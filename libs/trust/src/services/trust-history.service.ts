import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, RequestContext, TransactionHost, ValidationFailed } from '@lms/core';
import { FeedbackService } from './feedback.service';
import { maskContacts } from './mask';
import { newPublicCode } from './public-code';

export interface PastFeedback {
  officerId: string;
  submittedAt: Date;
  courtesy: number;
  clarity: number;
  fairness: number;
  trustChange: -1 | 0 | 1;
  comment?: string;
  language: 'kk' | 'ru' | 'en';
}

export interface PastSurvey {
  unitId: string;
  title: { kk: string; ru: string; en?: string };
  opensOn: string;
  closesOn: string;
  responses: {
    submittedAt: Date;
    trustLevel: string;
    distrustReasons: string[];
    opinionSource: string | null;
    qualities: string[];
    language: 'kk' | 'ru';
  }[];
}

export interface PastComplaint {
  number: string;
  receivedOn: string;
  unitId: string;
  officerId: string | null;
  category: string;
  outcome: string;
}

/**
 * Loads a past of public trust (the demo's year; a migration from another
 * system) set-based, with the live rules: comments masked, scores in range
 * (the table's checks), each feedback in the officer's current unit, every
 * officer given a code. Refresher rules are not run for the past: they
 * apply from when they exist. One audit event says what was loaded.
 */
@Injectable()
export class TrustHistoryService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly feedback: FeedbackService,
    private readonly audit: AuditService,
  ) {}

  async load(
    ctx: RequestContext,
    past: { feedback: PastFeedback[]; surveys: PastSurvey[]; complaints: PastComplaint[] },
  ): Promise<void> {
    const late = past.feedback.findIndex((f) => f.submittedAt.getTime() > Date.now());
    if (late >= 0) {
      throw new ValidationFailed('History cannot lie in the future', [
        { field: `feedback[${late}].submittedAt`, message: 'must be in the past' },
      ]);
    }
    await this.tx.withTransaction(async () => {
      await this.feedback.ensureCodes([...new Set(past.feedback.map((f) => f.officerId))]);
      const f = past.feedback;
      await this.tx.query(
        `INSERT INTO citizen_feedback (officer_id, unit_id, submitted_at, courtesy, clarity, fairness, trust_change, comment, language, repeat_key)
         SELECT x.officer_id, o.unit_id, x.submitted_at, x.courtesy, x.clarity, x.fairness, x.trust_change, x.comment, x.language, x.repeat_key
         FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[])
           AS x(officer_id, submitted_at, courtesy, clarity, fairness, trust_change, comment, language, repeat_key)
         JOIN officer o ON o.id = x.officer_id`,
        [
          f.map((x) => x.officerId),
          f.map((x) => x.submittedAt),
          f.map((x) => x.courtesy),
          f.map((x) => x.clarity),
          f.map((x) => x.fairness),
          f.map((x) => x.trustChange),
          f.map((x) => (x.comment ? maskContacts(x.comment) : null)),
          f.map((x) => x.language),
          // The past's addresses are unknown: each answer its own random key.
          f.map(() => randomBytes(32).toString('hex')),
        ],
      );
      for (const survey of past.surveys) {
        const [{ id }] = await this.tx.query<{ id: string }>(
          `INSERT INTO trust_survey (unit_id, code, title, opens_on, closes_on) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [survey.unitId, newPublicCode(), survey.title, survey.opensOn, survey.closesOn],
        );
        const r = survey.responses;
        await this.tx.query(
          `INSERT INTO survey_response (survey_id, submitted_at, trust_level, distrust_reasons, opinion_source, qualities, language, repeat_key)
           SELECT $1, x.submitted_at, x.trust_level, string_to_array(x.reasons, ',')::text[], x.source,
                  string_to_array(x.qualities, ',')::text[], x.language, x.repeat_key
           FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
             AS x(submitted_at, trust_level, reasons, source, qualities, language, repeat_key)`,
          [
            id,
            r.map((x) => x.submittedAt),
            r.map((x) => x.trustLevel),
            r.map((x) => x.distrustReasons.join(',')),
            r.map((x) => x.opinionSource),
            r.map((x) => x.qualities.join(',')),
            r.map((x) => x.language),
            r.map(() => randomBytes(32).toString('hex')),
          ],
        );
      }
      const c = past.complaints;
      await this.tx.query(
        `INSERT INTO complaint (number, received_on, unit_id, officer_id, category, outcome)
         SELECT * FROM unnest($1::varchar[], $2::date[], $3::uuid[], $4::uuid[], $5::varchar[], $6::varchar[])`,
        [
          c.map((x) => x.number),
          c.map((x) => x.receivedOn),
          c.map((x) => x.unitId),
          c.map((x) => x.officerId),
          c.map((x) => x.category),
          c.map((x) => x.outcome),
        ],
      );
      await this.audit.record(ctx, {
        action: 'trust.history-load',
        entityType: 'citizen_feedback',
        after: {
          feedback: f.length,
          surveys: past.surveys.length,
          surveyResponses: past.surveys.reduce((n, s) => n + s.responses.length, 0),
          complaints: c.length,
        },
      });
    });
  }
}
