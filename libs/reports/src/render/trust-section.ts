import type { Language } from '@lms/core';
import type { FrozenTrust, FrozenTrustRow } from '../services/execution-attachments';
import { labelsFor } from './labels';
import { Cell, formatCalendarDay, ReportSection } from './report-table';

/** The trust figures frozen with an execution report, one row per unit and the total: printed as one more section. */
export function trustSection(trust: FrozenTrust, language: Language): ReportSection {
  const l = labelsFor(language).trust;
  const rating = (row: FrozenTrustRow) => {
    const { courtesy, clarity, fairness } = row.feedback;
    return courtesy === null ? null : [courtesy, clarity, fairness].map((n) => (n ?? 0).toFixed(2)).join(' / ');
  };
  const cells = (name: string, row: FrozenTrustRow): Cell[] => [
    name,
    row.officers,
    row.trainingCompletion,
    row.feedback.responses,
    rating(row),
    row.complaints.total,
    row.complaints.substantiated,
    row.complaints.per100,
  ];
  return {
    title: `${l.title}: ${trust.unitName}, ${formatCalendarDay(trust.from)} — ${formatCalendarDay(trust.to)} (${l.minimum.replace('{n}', String(trust.minimumResponses))})`,
    columns: [
      { label: labelsFor(language).unit, width: 30, kind: 'text' },
      { label: l.officers, width: 10, kind: 'count' },
      { label: l.completion, width: 12, kind: 'percent' },
      { label: l.responses, width: 10, kind: 'count' },
      { label: l.rating, width: 20, kind: 'text' },
      { label: l.complaints, width: 10, kind: 'count' },
      { label: l.substantiated, width: 10, kind: 'count' },
      { label: l.per100, width: 12, kind: 'percent' },
    ],
    rows: [...trust.rows.map((row) => cells(row.unitName, row)), cells(labelsFor(language).total, trust.total)],
    empty: labelsFor(language).none,
  };
}
