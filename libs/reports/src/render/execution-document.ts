import { groupVerificationCode, Language, pickText } from '@lms/core';
import type { FrozenSnapshot } from '../services/execution-report.service';
import { unitNameIn } from '@lms/personnel';
import { complianceTable } from './compliance-table';
import { labelsFor } from './labels';
import { officerSections } from './outcome-tables';
import { formatCalendarDay, formatMoment, orderNumber, ReportTable } from './report-table';
import { trustSection } from './trust-section';

/**
 * A frozen execution report as the document HR files with the ministry: the
 * order and what it requires, the subtree, when and by whom it was produced;
 * the summary per unit; who completed (with certificates) and who did not
 * (and why); a sign-off block; the content's SHA-256 and the verification
 * code at the foot of every page. Dated with the moment it was produced, so
 * the same snapshot gives the same file.
 */
export function executionDocument(snapshot: FrozenSnapshot, language: Language, publicUrl: string): ReportTable {
  const l = labelsFor(language);
  const { content } = snapshot;
  const { order, report } = content;
  const tz = report.unit.timezone;
  const summary = complianceTable(report, language, {
    id: snapshot.id,
    sha256: snapshot.sha256,
    producedAt: content.producedAt,
    producedBy: content.producedBy.username,
  });
  const requirement = (content.requirement?.courses ?? [])
    .map((course) => `${course.code}: ${pickText(course.title, language)}`)
    .join('; ');
  const programme = content.requirement?.programme;
  const programmeLine = programme
    ? `${programme.code}: ${pickText(programme.title, language)} (${programme.courses.map((c) => c.code).join(', ')})`
    : null;
  const meta = [
    { label: l.order, value: `${orderNumber(order.number)} ${formatCalendarDay(order.date)}` },
    { label: l.title, value: order.title },
    ...(order.issuingAuthority ? [{ label: l.issuingAuthority, value: order.issuingAuthority }] : []),
    ...(programmeLine ? [{ label: l.programme, value: programmeLine }] : []),
    ...(requirement ? [{ label: l.requirement, value: requirement }] : []),
    ...(order.deadline ? [{ label: l.deadlineDate, value: formatCalendarDay(order.deadline) }] : []),
    { label: l.subtree, value: `${unitNameIn(report.unit, language)} (${report.unit.code})` },
    { label: l.producedAt, value: `${formatMoment(content.producedAt, tz)} (${tz})` },
    { label: l.producedBy, value: content.producedBy.username ?? '' },
  ];
  const code = snapshot.verificationCode ? groupVerificationCode(snapshot.verificationCode) : null;
  if (code) meta.push({ label: l.verificationCode, value: code });
  const verifyUrl = code ? `${publicUrl}/api/v1/execution-reports/verify/${code}` : null;
  const footer = [`${l.contentHash}: ${snapshot.sha256}`, code ? `${l.verificationCode}: ${code}` : null]
    .filter(Boolean)
    .join(' · ');
  return {
    ...summary,
    title: `${l.executionTitle} ${orderNumber(order.number)}`,
    meta,
    notes: [l.definitions, ...(verifyUrl ? [`${l.verifyAt}: ${verifyUrl}`] : [])],
    sections: [
      ...(content.officers ? officerSections(content.officers, language, tz) : []),
      ...(content.trust ? [trustSection(content.trust, language)] : []),
    ],
    signOff: l.signOff,
    footer,
    createdAt: content.producedAt,
  };
}
