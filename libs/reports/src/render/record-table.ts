import { Language, pickText } from '@lms/core';
import { OfficerRecord, RecordEnrollment } from '../services/officer-record.service';
import { Labels, labelsFor } from './labels';
import { formatDate, formatDueDate, formatMoment, orderNumber, ReportTable } from './report-table';

function note(enrolment: RecordEnrollment, l: Labels): string {
  const parts: string[] = [];
  if (enrolment.orderNumber) parts.push(`${l.order} ${orderNumber(enrolment.orderNumber)}`);
  if (enrolment.exemption) {
    const by = enrolment.exemption.decidedBy ? ` (${enrolment.exemption.decidedBy})` : '';
    parts.push(`${l.exemption}${by}: ${enrolment.exemption.reason ?? ''}`);
  }
  if (enrolment.withdrawal) parts.push(`${l.withdrawal}: ${enrolment.withdrawal.reason ?? ''}`);
  return parts.join('; ');
}

/** An officer's training record as a table, labelled in `language`, dates in the officer's unit's time zone. */
export function recordTable(record: OfficerRecord, language: Language): ReportTable {
  const l = labelsFor(language);
  const { officer } = record;
  const tz = officer.unit.timezone;
  const day = (instant: Date | null) => formatDate(instant, tz);
  return {
    language,
    title: l.recordTitle,
    meta: [
      { label: l.fullName, value: officer.fullName },
      { label: l.personnelNumber, value: officer.personnelNumber },
      { label: l.rank, value: officer.rank },
      { label: l.position, value: officer.position },
      { label: l.unit, value: `${officer.unit.name} (${officer.unit.code})` },
      { label: l.asOf, value: `${formatMoment(record.generatedAt, tz)} (${tz})` },
    ],
    columns: [
      { label: l.course, width: 28, kind: 'text' },
      { label: l.cycle, width: 5, kind: 'count' },
      { label: l.status, width: 12, kind: 'text' },
      { label: l.assignedAt, width: 13, kind: 'text' },
      { label: l.dueAt, width: 13, kind: 'text' },
      { label: l.completedAt, width: 13, kind: 'text' },
      { label: l.expiresAt, width: 13, kind: 'text' },
      { label: l.seminarHours, width: 11, kind: 'count' },
      { label: l.note, width: 30, kind: 'text' },
    ],
    rows: record.enrollments.map((e) => [
      `${e.courseCode}: ${pickText(e.courseTitle, language)}`,
      e.cycle,
      l.statuses[e.status],
      day(e.assignedAt),
      formatDueDate(e.dueAt, tz),
      day(e.completedAt),
      day(e.expiresAt),
      e.seminarHours,
      note(e, l),
    ]),
    total: [l.total, null, '', '', '', '', '', record.totals.seminarHours, ''],
    notes: [],
    fileName: `training-record-${officer.personnelNumber}`,
    sheetName: officer.personnelNumber,
  };
}
