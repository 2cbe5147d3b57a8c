import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, NotFound, RequestContext, Role, TransactionHost } from '@lms/core';
import { OfficerService } from '@lms/personnel';
import { FeedbackPeriodQuery, SubmitFeedbackDto } from '../dto/feedback.dto';
import { FeedbackCodeView, FeedbackFormView, FeedbackSummaryView, PublicOfficerView } from '../dto/feedback.response';
import { HumanCheckFailed, TooManyForOfficer } from '../trust.errors';
import { AddressGuard } from './address-guard.service';
import { HumanChallenge, HumanCheck } from './human-check';
import { maskContacts } from './mask';
import { MINIMUM_RESPONSES, shown } from './minimum';
import { newPublicCode, readPublicCode } from './public-code';

/** Where a feedback code's QR code points. */
export const FEEDBACK_PATH = '/f/';
/** Feedback one officer may receive in an hour: a flood beyond it is refused, whoever sends it. */
export const OFFICER_LIMIT_PER_HOUR = 30;
/** Who besides the officer themself sees an officer's code and feedback (admin implied). */
const TRUST_READERS: Role[] = ['hr'];

/** The officer a public code names: only an active or on-leave officer takes feedback. */
interface CodeRow {
  officer_id: string;
  full_name: string;
  rank: string;
  unit_id: string;
  unit_name: string;
}

/**
 * Citizen feedback after an encounter: the officer's public code, the
 * public form and its abuse limits, and what the officer and HR see of it.
 * Owns `feedback_code` and `citizen_feedback`.
 */
@Injectable()
export class FeedbackService {
  private readonly human: HumanCheck;

  constructor(
    private readonly tx: TransactionHost,
    private readonly officers: OfficerService,
    private readonly guard: AddressGuard,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.human = new HumanCheck(config.jwtSecret);
  }

  /** The officer themself or HR of their subtree: the code, created at first asking. */
  async codeFor(ctx: RequestContext, officerId: string, origin: string): Promise<FeedbackCodeView> {
    await this.readable(ctx, officerId);
    const code = await this.tx.withTransaction(async () => {
      await this.tx.query(
        `INSERT INTO feedback_code (officer_id, code) VALUES ($1, $2) ON CONFLICT (officer_id) DO NOTHING`,
        [officerId, newPublicCode()],
      );
      const [row] = await this.tx.query<{ code: string }>('SELECT code FROM feedback_code WHERE officer_id = $1', [
        officerId,
      ]);
      return row.code;
    });
    return { officerId, code, url: `${origin}${FEEDBACK_PATH}${code}` };
  }

  /** Codes for many officers at once (the demo, printing cards for a unit): one statement. */
  async ensureCodes(officerIds: string[]): Promise<void> {
    await this.tx.query(
      `INSERT INTO feedback_code (officer_id, code) SELECT id, code FROM unnest($1::uuid[], $2::text[]) AS t(id, code)
       ON CONFLICT (officer_id) DO NOTHING`,
      [officerIds, officerIds.map(() => newPublicCode())],
    );
  }

  /** Public: who the code names and a fresh human check. 404 for an unknown code or a dismissed officer. */
  async form(code: string): Promise<FeedbackFormView> {
    const opened = await this.open(code);
    const { a, b, token } = opened.challenge;
    return { code: opened.code, officer: opened.officer, challenge: { question: `${a} + ${b} = ?`, token } };
  }

  /** The same for the page, which asks the sum in the reader's language. */
  async open(code: string): Promise<{ code: string; officer: PublicOfficerView; challenge: HumanChallenge }> {
    const row = await this.byCode(code);
    return {
      code: row.code,
      officer: this.publicOfficer(row),
      challenge: this.human.issue(row.code, this.clock.now()),
    };
  }

  /**
   * Public: stores the citizen's feedback, comment masked. The address
   * counts toward its hourly limit before anything else; the same address for
   * the same officer on the same day is stored once (a repeat is accepted and
   * not counted, so the answer tells nothing).
   */
  async submit(code: string, dto: SubmitFeedbackDto, address: string): Promise<{ counted: boolean }> {
    const officer = await this.byCode(code);
    const repeatKey = await this.guard.admit(address, `officer:${officer.officer_id}`);
    const verdict = this.human.verify(officer.code, dto.challenge, dto.answer, this.clock.now());
    if (verdict !== 'ok') throw new HumanCheckFailed(verdict);
    return this.tx.withTransaction(async () => {
      const now = this.clock.now();
      // One officer's code row serialises their submissions, so the hourly limit holds under a burst.
      await this.tx.query('SELECT 1 FROM feedback_code WHERE officer_id = $1 FOR UPDATE', [officer.officer_id]);
      const [{ recent, oldest }] = await this.tx.query<{ recent: number; oldest: Date | null }>(
        `SELECT count(*)::int AS recent, min(submitted_at) AS oldest FROM citizen_feedback
         WHERE officer_id = $1 AND submitted_at > $2::timestamptz - interval '1 hour'`,
        [officer.officer_id, now],
      );
      if (recent >= OFFICER_LIMIT_PER_HOUR) {
        const wait = oldest ? Math.ceil((oldest.getTime() + 3_600_000 - now.getTime()) / 1000) : 3600;
        throw new TooManyForOfficer(Math.max(1, wait));
      }
      const comment = dto.comment?.trim() ? maskContacts(dto.comment.trim()) : null;
      const inserted = await this.tx.query(
        `INSERT INTO citizen_feedback (officer_id, unit_id, submitted_at, courtesy, clarity, fairness, trust_change, comment, language, repeat_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (officer_id, repeat_key) DO NOTHING RETURNING id`,
        [
          officer.officer_id,
          officer.unit_id,
          now,
          dto.courtesy,
          dto.clarity,
          dto.fairness,
          dto.trustChange,
          comment,
          dto.language ?? 'ru',
          repeatKey,
        ],
      );
      return { counted: inserted.length > 0 };
    });
  }

  /** What an officer's feedback says: the officer themself or HR of their subtree. */
  async summary(
    ctx: RequestContext,
    officerId: string,
    period: FeedbackPeriodQuery = {},
  ): Promise<FeedbackSummaryView> {
    await this.readable(ctx, officerId);
    const [row] = await this.tx.query<{
      responses: number;
      courtesy: string | null;
      clarity: string | null;
      fairness: string | null;
      raised: string | null;
      lowered: string | null;
    }>(
      `SELECT count(*)::int AS responses, avg(courtesy) AS courtesy, avg(clarity) AS clarity, avg(fairness) AS fairness,
              100.0 * avg((trust_change = 1)::int) AS raised, 100.0 * avg((trust_change = -1)::int) AS lowered
       FROM citizen_feedback WHERE officer_id = $1 ${periodSql('submitted_at', 2)}`,
      [officerId, period.from ?? null, period.to ?? null],
    );
    const n = row.responses;
    const comments =
      n < MINIMUM_RESPONSES
        ? []
        : await this.tx.query<{ submittedAt: Date; comment: string; trustChange: number }>(
            `SELECT submitted_at AS "submittedAt", comment, trust_change AS "trustChange" FROM citizen_feedback
             WHERE officer_id = $1 AND comment IS NOT NULL ${periodSql('submitted_at', 2)}
             ORDER BY submitted_at DESC LIMIT 20`,
            [officerId, period.from ?? null, period.to ?? null],
          );
    return {
      officerId,
      responses: n,
      courtesy: shown(row.courtesy, n),
      clarity: shown(row.clarity, n),
      fairness: shown(row.fairness, n),
      trustRaised: shown(row.raised, n, 1),
      trustLowered: shown(row.lowered, n, 1),
      minimumResponses: MINIMUM_RESPONSES,
      comments,
    };
  }

  /** The officer themself, or HR (admin) of the officer's subtree; anyone else: 404. */
  private async readable(ctx: RequestContext, officerId: string) {
    if (ctx.actor?.officerId === officerId) return this.officers.findInScope(ctx, officerId);
    return this.officers.findInScope(ctx, officerId, TRUST_READERS);
  }

  private async byCode(input: string): Promise<CodeRow & { code: string }> {
    const code = readPublicCode(input);
    // The officer's current unit and name; read across from personnel in one statement.
    const [row] = code
      ? await this.tx.query<CodeRow>(
          `SELECT f.officer_id, o.full_name, o.rank, o.unit_id, u.name AS unit_name
           FROM feedback_code f JOIN officer o ON o.id = f.officer_id JOIN unit u ON u.id = o.unit_id
           WHERE f.code = $1 AND o.status <> 'dismissed'`,
          [code],
        )
      : [];
    if (!row || !code) throw new NotFound('Feedback code');
    return { ...row, code };
  }

  private publicOfficer(row: CodeRow): PublicOfficerView {
    return { fullName: row.full_name, rank: row.rank, unitName: row.unit_name };
  }
}

/** `AND column` within the optional first and last days at `$n`, `$n+1` (Asia/Almaty days). */
export function periodSql(column: string, n: number): string {
  return `AND ($${n}::date IS NULL OR ${column} >= ($${n}::date)::timestamp AT TIME ZONE 'Asia/Almaty')
          AND ($${n + 1}::date IS NULL OR ${column} < ($${n + 1}::date + 1)::timestamp AT TIME ZONE 'Asia/Almaty')`;
}
