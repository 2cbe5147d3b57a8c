import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  AuditService,
  BodyTooLarge,
  RequestContext,
  TransactionHost,
  ValidationFailed,
} from '@lms/core';
import { ImportLineError, ImportResult } from '../dto/officer.response';
import { CsvDecoder, ImportEncodingChoice, UndecodableImport } from './csv-decoding';
import { OfficerChangeHooks } from './officer-change.hooks';
import { MAX_LISTED_ERRORS, OfficerColumns, parseOfficerCsv, UnitLookup } from './officer-csv';
import { PERSONNEL_WRITERS } from './officer.service';
import { UnitService } from './unit.service';

/** One statement upserts a whole batch; rows that would not change are not touched. */
const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[])
    AS t(personnel_number, full_name, rank, position, service_type, unit_id, status, language)
),
-- The statement's snapshot: units before the upsert, to count transfers.
before AS (SELECT o.personnel_number, o.unit_id FROM officer o WHERE o.personnel_number = ANY($1::text[])),
upserted AS (
INSERT INTO officer AS o (personnel_number, full_name, rank, position, service_type, unit_id, status, language)
SELECT * FROM input
ON CONFLICT (personnel_number) DO UPDATE SET
  full_name = EXCLUDED.full_name, rank = EXCLUDED.rank, position = EXCLUDED.position,
  service_type = EXCLUDED.service_type, unit_id = EXCLUDED.unit_id, status = EXCLUDED.status,
  language = EXCLUDED.language, updated_at = now()
WHERE (o.full_name, o.rank, o.position, o.service_type, o.unit_id, o.status, o.language)
  IS DISTINCT FROM (EXCLUDED.full_name, EXCLUDED.rank, EXCLUDED.position, EXCLUDED.service_type,
                    EXCLUDED.unit_id, EXCLUDED.status, EXCLUDED.language)
RETURNING o.id, o.personnel_number, o.unit_id, (xmax = 0) AS created)
SELECT u.id, u.created, (b.unit_id IS DISTINCT FROM u.unit_id AND NOT u.created) AS transferred
FROM upserted u LEFT JOIN before b USING (personnel_number)`;

/** Counts and failures of one import while it streams. */
class ImportRun {
  created = 0;
  updated = 0;
  transferred = 0;
  total = 0;
  readonly scopeErrors: ImportLineError[] = [];
  scopeErrorCount = 0;
  failure: Error | null = null;
  /** Officers created or changed, told to the hooks once the whole file has proved valid. */
  readonly changedIds: string[] = [];
  /** The batch being written while the next one is parsed. */
  inFlight: Promise<void> = Promise.resolve();
}

@Injectable()
export class OfficerImportService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitService,
    private readonly audit: AuditService,
    private readonly hooks: OfficerChangeHooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Streams the file into the database in batches inside one transaction,
   * writing one batch while parsing the next. Any invalid line (or a row the
   * caller may not change) rolls everything back: 422 and nothing written;
   * so do bytes that are no text in the chosen (or detected) encoding.
   */
  async import(ctx: RequestContext, csv: Readable, encoding: ImportEncodingChoice = 'auto'): Promise<ImportResult> {
    const maxBytes = this.config.csvMaxBytes;
    const lookup = await this.unitLookup(ctx);
    const digest = createHash('sha256');
    let bytes = 0;
    // The cap is counted as the bytes arrive (a Content-Length may be absent or lie); past it, the parse fails: 413.
    const hashed = csv.pipe(
      new PassThrough({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          if (bytes > maxBytes) return done(new BodyTooLarge(maxBytes));
          digest.update(chunk);
          done(null, chunk);
        },
      }),
    );
    csv.on('error', (error) => hashed.destroy(error));
    // Windows-1251 or KZ-1048 (what Excel saves in the ru and kk locales) or UTF-8 in; UTF-8 out, or 422.
    const decoded = hashed.pipe(new CsvDecoder(encoding));
    hashed.on('error', (error) => decoded.destroy(error));
    // The decoder can fail before the parser listens (a binary file's first chunk): keep it as the answer.
    let undecodable: UndecodableImport | null = null;
    decoded.on('error', (error) => {
      if (error instanceof UndecodableImport) undecodable = error;
    });
    // The cap may be passed before the parser listens: remember it, so that it is the answer whenever it happened.
    let overflow: BodyTooLarge | null = null;
    hashed.on('error', (error) => {
      if (error instanceof BodyTooLarge) overflow = error;
    });

    return this.tx
      .withTransaction(async () => {
        const run = new ImportRun();
        const parsed = await parseOfficerCsv(decoded, lookup, async (rows, lines) => {
          await run.inFlight;
          if (run.failure || run.scopeErrorCount > 0) return;
          run.inFlight = this.writeBatch(ctx, run, rows, lines).catch((error: unknown) => {
            run.failure = error instanceof Error ? error : new Error(String(error));
          });
        });
        await run.inFlight;
        if (overflow) throw overflow;
        if (undecodable) throw undecodable;
        if (run.failure) throw run.failure;
        const errorCount = parsed.errorCount + run.scopeErrorCount;
        if (errorCount > 0) {
          const errors = [...parsed.errors, ...run.scopeErrors].sort((a, b) => a.line - b.line);
          throw this.rejected(errors.slice(0, MAX_LISTED_ERRORS), errorCount);
        }
        // Once, for the whole file, and only for a file that is imported: rules enrol in one statement.
        const effects = await this.hooks.changed(run.changedIds);
        const result: ImportResult = {
          created: run.created,
          updated: run.updated,
          unchanged: run.total - run.created - run.updated,
          transferred: run.transferred,
          ...effects,
          encoding: decoded.encoding,
          errors: [],
        };
        await this.audit.record(ctx, {
          action: 'officer.import',
          entityType: 'officer',
          unitPath: lookup.auditPath,
          after: { ...result, errors: undefined, rows: run.total, fileSha256: digest.digest('hex') },
        });
        return result;
      })
      .catch((error: unknown) => {
        throw overflow ?? undecodable ?? error;
      });
  }

  private async writeBatch(ctx: RequestContext, run: ImportRun, rows: OfficerColumns, lines: number[]): Promise<void> {
    const outside = await this.numbersOutsideScope(ctx, rows.personnelNumber);
    if (outside.size > 0) {
      rows.personnelNumber.forEach((number, i) => {
        if (!outside.has(number)) return;
        run.scopeErrorCount++;
        if (run.scopeErrors.length < MAX_LISTED_ERRORS) {
          run.scopeErrors.push({
            line: lines[i],
            field: 'personnel_number',
            message: 'belongs to an officer outside your units',
          });
        }
      });
      return;
    }
    const changed = await this.tx.query<{ id: string; created: boolean; transferred: boolean }>(UPSERT_SQL, [
      rows.personnelNumber,
      rows.fullName,
      rows.rank,
      rows.position,
      rows.serviceType,
      rows.unitId,
      rows.status,
      rows.language,
    ]);
    const created = changed.filter((row) => row.created).length;
    run.created += created;
    run.updated += changed.length - created;
    run.transferred += changed.filter((row) => row.transferred).length;
    run.total += rows.personnelNumber.length;
    run.changedIds.push(...changed.map((row) => row.id));
  }

  private rejected(errors: ImportLineError[], errorCount: number): ValidationFailed {
    const error = new ValidationFailed(
      `The file has ${errorCount} error(s); nothing was imported`,
      errors,
      'officer-import-rejected',
    );
    Object.assign(error.extra, { created: 0, updated: 0, unchanged: 0, errorCount });
    return error;
  }

  private async unitLookup(ctx: RequestContext): Promise<UnitLookup & { auditPath: string | null }> {
    const codes = await this.units.codeIndex();
    const subtrees = ctx.subtrees(...PERSONNEL_WRITERS);
    return {
      // HR imports into its own subtree: the audit view is scoped by that path.
      auditPath: subtrees?.length === 1 ? subtrees[0] : null,
      resolve(code) {
        const unit = codes.get(code.toLowerCase());
        if (!unit) return { error: `no unit with code ${code}` };
        if (subtrees && !subtrees.some((prefix) => unit.path.startsWith(prefix))) {
          return { error: `unit ${code} is outside your units` };
        }
        return { id: unit.id };
      },
    };
  }

  /** Personnel numbers that already belong to an officer the caller may not change. */
  private async numbersOutsideScope(ctx: RequestContext, numbers: string[]): Promise<Set<string>> {
    const subtrees = ctx.subtrees(...PERSONNEL_WRITERS);
    if (subtrees === null) return new Set();
    const rows = await this.tx.query<{ personnel_number: string }>(
      `SELECT o.personnel_number FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE o.personnel_number = ANY($1::text[]) AND NOT (u.path LIKE ANY($2::text[]))`,
      [numbers, subtrees.map((prefix) => prefix + '%')],
    );
    return new Set(rows.map((row) => row.personnel_number));
  }
}
