import { stringify } from 'csv-stringify/sync';
import { TrustReport, TrustRow } from '../dto/trust-report.dto';

const HEADER = [
  'unit_code',
  'unit_name',
  'officers',
  'feedback_responses',
  'courtesy',
  'clarity',
  'fairness',
  'trust_raised_pct',
  'trust_lowered_pct',
  'complaints',
  'substantiated',
  'complaints_per_100',
  'rudeness_per_100',
  'corruption_per_100',
  'inaction_per_100',
  'unlawful_force_per_100',
  'other_per_100',
  'training_completion_pct',
];

/** A cell a spreadsheet would read as a formula is neutralised, as in every CSV we write. */
function safe(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function line(row: TrustRow, code = row.unitCode): (string | number)[] {
  const f = row.feedback;
  const c = row.complaints;
  return [
    code,
    row.unitName,
    row.officers,
    f.responses,
    f.courtesy,
    f.clarity,
    f.fairness,
    f.trustRaised,
    f.trustLowered,
    c.total,
    c.substantiated,
    c.per100,
    c.rudenessPer100,
    c.corruptionPer100,
    c.inactionPer100,
    c.unlawfulForcePer100,
    c.otherPer100,
    row.trainingCompletion,
  ].map(safe);
}

/** The report's rows and its total as CSV (UTF-8 with a BOM, so spreadsheets read Kazakh letters). */
export function trustReportCsv(report: TrustReport): string {
  return '\uFEFF' + stringify([HEADER, ...report.rows.map((row) => line(row)), line(report.total, 'TOTAL')]);
}
