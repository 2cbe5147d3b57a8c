import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AuditService, RequestContext, TransactionHost, ValidationFailed } from '@lms/core';
import { ImportLineError, ImportResult } from '../dto/officer.dto';
import { OfficerChangeHooks } from './officer-change.hooks';
import { MAX_LISTED_ERRORS, OfficerColumns, parseOfficerCsv, UnitLookup } from './officer-csv';
import { PERSONNEL_WRITERS } from './officer.service';
import { UnitService } from './unit.service';

/** One statement upserts the whole file; unchanged rows are not touched. */
const UPSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[])
    AS t(personnel_number, full_name, rank, position, service_type, unit_id, status, language)
), upserted AS (
  INSERT INTO officer AS o (personnel_number, full_name, rank, position, service_type, unit_id, status, language)
  SELECT * FROM input
  ON CONFLICT (personnel_number) DO UPDATE SET
    full_name = EXCLUDED.full_name, rank = EXCLUDED.rank, position = EXCLUDED.position,
    service_type = EXCLUDED.service_type, unit_id = EXCLUDED.unit_id, status = EXCLUDED.status,
    language = EXCLUDED.language, updated_at = now()
  WHERE (o.full_name, o.rank, o.position, o.service_type, o.unit_id, o.status, o.language)
    IS DISTINCT FROM (EXCLUDED.full_name, EXCLUDED.rank, EXCLUDED.position, EXCLUDED.service_type,
                      EXCLUDED.unit_id, EXCLUDED.status, EXCLUDED.language)
  RETURNING o.id, (xmax = 0) AS created
)
SELECT id, created FROM upserted`;

@Injectable()
export class OfficerImportService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly units: UnitService,
    private readonly audit: AuditService,
    private readonly hooks: OfficerChangeHooks,
  ) {}

  /** Validates the whole file first; any error means 422 and nothing written. */
  async import(ctx: RequestContext, csv: Readable): Promise<ImportResult> {
    const lookup = await this.unitLookup(ctx);
    const parsed = await parseOfficerCsv(csv, lookup);
    if (parsed.errorCount > 0) throw this.rejected(parsed.errors, parsed.errorCount);
    const total = parsed.rows.personnelNumber.length;

    return this.tx.withTransaction(async () => {
      const outside = await this.numbersOutsideScope(ctx, parsed.rows.personnelNumber);
      if (outside.size > 0) {
        const errors = parsed.lines
          .filter((_line, i) => outside.has(parsed.rows.personnelNumber[i]))
          .map((line) => ({ line, field: 'personnel_number', message: 'belongs to an officer outside your units' }));
        throw this.rejected(errors.slice(0, MAX_LISTED_ERRORS), errors.length);
      }
      const changed = await this.upsert(parsed.rows);
      const created = changed.filter((row) => row.created).length;
      const result: ImportResult = {
        created,
        updated: changed.length - created,
        unchanged: total - changed.length,
        errors: [],
      };
      await this.audit.record(ctx, {
        action: 'officer.import',
        entityType: 'officer',
        unitPath: lookup.auditPath,
        after: {
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          officerIds: changed.map((row) => row.id),
        },
      });
      await this.hooks.changed(changed.map((row) => row.id));
      return result;
    });
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
      // HR imports into its own subtree: the common prefix is what the audit view scopes by.
      auditPath: subtrees?.length === 1 ? subtrees[0] : null,
      resolve(code) {
        const unit = codes.get(code);
        if (!unit) return { error: `no unit with code ${code}` };
        if (subtrees && !subtrees.some((prefix) => unit.path.startsWith(prefix))) {
          return { error: `unit ${code} is outside your units` };
        }
        return { id: unit.id };
      },
    };
  }

  /** Personnel numbers in the file that already belong to an officer the caller may not change. */
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

  private async upsert(rows: OfficerColumns): Promise<{ id: string; created: boolean }[]> {
    if (rows.personnelNumber.length === 0) return [];
    return this.tx.query<{ id: string; created: boolean }>(UPSERT_SQL, [
      rows.personnelNumber,
      rows.fullName,
      rows.rank,
      rows.position,
      rows.serviceType,
      rows.unitId,
      rows.status,
      rows.language,
    ]);
  }
}
