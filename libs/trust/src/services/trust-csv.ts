import { toCsv } from '@lms/core';
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

function line(row: TrustRow, code = row.unitCode): (string | number | null)[] {
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
  ];
}

/** The report's rows and its total as CSV (UTF-8 with a BOM, so spreadsheets read Kazakh letters). */
export function trustReportCsv(report: TrustReport): string {
  // toCsv keeps formulas out of spreadsheets, as in every CSV we write.
  return toCsv([...report.rows.map((row) => line(row)), line(report.total, 'TOTAL')], {
    header: HEADER,
    dialect: { delimiter: ',', bom: true },
  });
}
