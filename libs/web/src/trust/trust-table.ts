import type { Language } from '@lms/core';
import type { Cell, ReportTable, TableColumn } from '@lms/reports';
import type { TrustReport, TrustRow } from '@lms/trust';
import { translator } from '../i18n/i18n';

/** One unit's figures, in the columns' order; null where fewer than 5 responses give no average. */
function cells(row: TrustRow): Cell[] {
  return [
    row.officers,
    row.trainingCompletion,
    row.feedback.responses,
    row.feedback.courtesy,
    row.feedback.clarity,
    row.feedback.fairness,
    row.feedback.trustRaised,
    row.complaints.total,
    row.complaints.substantiated,
    row.complaints.per100,
    row.complaints.rudenessPer100,
    row.complaints.corruptionPer100,
  ];
}

/**
 * The trust report as the reports library's one table model, labelled in
 * `language`: rendered as XLSX or PDF by the same renderers as the
 * compliance report (text cells made formula-safe there).
 */
export function trustTable(report: TrustReport, language: Language): ReportTable {
  const t = translator(language);
  const d = (key: string) => t(`trust.dashboard.${key}`);
  const figure = (label: string, width = 10): TableColumn => ({ label, width, kind: 'percent' });
  const count = (label: string, width = 10): TableColumn => ({ label, width, kind: 'count' });
  const none = t('trust.report.none');
  const value = (n: number | null, digits: number, unit = '') =>
    n === null ? none : `${n.toFixed(digits)}${unit}`.replace('.', language === 'en' ? '.' : ',');
  const { beforeAfter: ba, survey } = report;
  return {
    language,
    title: d('title'),
    meta: [
      { label: d('unit'), value: report.unitName },
      { label: t('trust.report.period'), value: `${report.from} — ${report.to}` },
    ],
    columns: [
      { label: d('unit'), width: 36, kind: 'text' },
      count(t('trust.report.officers')),
      figure(`${d('completion')}, %`, 12),
      count(d('responses')),
      figure(d('courtesyShort'), 8),
      figure(d('clarityShort'), 8),
      figure(d('fairnessShort'), 8),
      figure(`${d('raisedShort')}, %`, 8),
      count(d('complaints')),
      count(d('substantiatedShort')),
      figure(d('per100'), 12),
      figure(d('rudeness'), 11),
      figure(d('corruption'), 11),
    ],
    rows: report.rows.map((row) => [row.unitName, ...cells(row)]),
    total: [d('total'), ...cells(report.total)],
    notes: [
      t('trust.dashboard.minimum', { count: report.minimumResponses }),
      `${d('beforeAfter')}: ${d('before')} ${value(ba.scoreBefore, 2)} (${ba.responsesBefore}); ${d('after')} ${value(ba.scoreAfter, 2)} (${ba.responsesAfter})`,
      `${d('survey')}: ${value(survey.trust, 1, '%')} (${t('trust.dashboard.answers', { count: survey.responses })}); ${t('trust.report.baseline')} ${value(survey.baselineTrust, 1, '%')}`,
    ],
    fileName: `trust-${report.from}-${report.to}`,
    sheetName: 'trust',
  };
}
