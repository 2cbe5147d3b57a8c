import { Language, pickText } from '@lms/core';
import { unitNameIn } from '@lms/personnel';
import { ComplianceCounts, ComplianceReport, ComplianceRow } from '../services/compliance.model';
import { labelsFor } from './labels';
import {
  Cell,
  formatCalendarDay,
  formatDay,
  formatMoment,
  orderNumber,
  ReportTable,
  TableColumn,
} from './report-table';

/** A row's unit named in the report's language (reports frozen before units had names by language: their name). */
const rowName = (row: ComplianceRow, language: Language) =>
  unitNameIn({ name: row.unitName, names: row.unitNames }, language);

/** Snapshot facts printed with a frozen report. */
export interface SnapshotFacts {
  id: string;
  sha256: string;
  producedAt: string;
  producedBy: string | null;
}

const counts = (c: ComplianceCounts, refresher: ComplianceCounts | undefined): Cell[] => [
  c.inAudience,
  c.completed,
  c.inProgress,
  c.notStarted,
  c.overdue,
  c.exempted,
  c.completionPercent,
  // Refreshers after complaints, apart (absent from snapshots frozen before they had a reason).
  refresher?.inAudience ?? 0,
  refresher ? refresher.inProgress + refresher.notStarted + refresher.overdue : 0,
];

/** A compliance report (live or frozen) as a table, labelled in `language`. */
export function complianceTable(report: ComplianceReport, language: Language, snapshot?: SnapshotFacts): ReportTable {
  const l = labelsFor(language);
  const tz = report.unit.timezone;
  const columns: TableColumn[] = [
    { label: l.code, width: 16, kind: 'text' },
    { label: l.unit, width: 44, kind: 'text' },
    { label: l.inAudience, width: 11, kind: 'count' },
    { label: l.completed, width: 11, kind: 'count' },
    { label: l.inProgress, width: 11, kind: 'count' },
    { label: l.notStarted, width: 12, kind: 'count' },
    { label: l.overdue, width: 12, kind: 'count' },
    { label: l.exempted, width: 12, kind: 'count' },
    { label: l.completionPercent, width: 13, kind: 'percent' },
    { label: l.refreshers, width: 14, kind: 'count' },
    { label: l.refreshersOutstanding, width: 12, kind: 'count' },
  ];
  const { course, order } = report.filters;
  const meta = [
    { label: l.unit, value: `${unitNameIn(report.unit, language)} (${report.unit.code})` },
    { label: l.asOf, value: `${formatMoment(report.asOf, tz)} (${tz})` },
  ];
  if (order) {
    const deadline = order.deadline ? `; ${l.deadline} ${formatCalendarDay(order.deadline)}` : '';
    const date = formatCalendarDay(order.date);
    meta.push({ label: l.order, value: `${orderNumber(order.number)} ${date}: ${order.title}${deadline}` });
  }
  meta.push({ label: l.course, value: course ? `${course.code}: ${pickText(course.title, language)}` : l.allCourses });
  if (snapshot) {
    meta.push({ label: l.snapshot, value: snapshot.id });
    meta.push({ label: l.producedAt, value: `${formatMoment(snapshot.producedAt, tz)} (${tz})` });
    if (snapshot.producedBy) meta.push({ label: l.producedBy, value: snapshot.producedBy });
  }
  const notes = [l.definitions];
  if (snapshot) notes.push(`SHA-256: ${snapshot.sha256}`);
  const base = snapshot && order ? `execution-report-${order.number}` : 'compliance';
  return {
    language,
    title: snapshot ? l.executionTitle : l.complianceTitle,
    meta,
    columns,
    rows: report.rows.map((row) => [
      row.unitCode,
      row.scope === 'own' ? `${rowName(row, language)} (${l.ownStaff})` : rowName(row, language),
      ...counts(row, row.refresher),
    ]),
    total: ['', l.total, ...counts(report.total, report.refresherTotal)],
    notes,
    fileName: `${base}-${report.unit.code}-${formatDay(report.asOf, tz)}`,
    sheetName: report.unit.code,
  };
}
