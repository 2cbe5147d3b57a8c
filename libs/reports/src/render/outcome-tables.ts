import { Language, LocalizedText, Page, pickText } from '@lms/core';
import { unitNameIn } from '@lms/personnel';
import type { CourseOutcome, OfficerOutcome } from '../services/officer-outcomes.service';
import { Labels, labelsFor } from './labels';
import { Cell, formatDate, formatDueDate, formatMoment, ReportSection, ReportTable, TableColumn } from './report-table';

/** What a course's state says in a document: exempted ones with their reason. */
export function courseStateText(course: CourseOutcome, l: Labels): string {
  const state = l.states[course.state];
  return course.state === 'exempted' && course.exemptionReason ? `${state}: ${course.exemptionReason}` : state;
}

/** One line per officer and course, officer's columns first. */
function lines(officers: OfficerOutcome[], line: (officer: OfficerOutcome, course: CourseOutcome) => Cell[]): Cell[][] {
  return officers.flatMap((officer) => officer.courses.map((course) => line(officer, course)));
}

const courseName = (course: CourseOutcome, language: Language) =>
  `${course.courseCode}: ${pickText(course.courseTitle, language)}`;

/** The drill-down as a file: every officer behind the figure, one line per course. */
export function outcomesTable(
  page: Page<OfficerOutcome>,
  language: Language,
  context: {
    unit: { code: string; name: string; names?: Partial<LocalizedText> };
    timezone: string;
    asOf: string;
    state: string | null;
  },
): ReportTable {
  const l = labelsFor(language);
  const tz = context.timezone;
  const columns: TableColumn[] = [
    { label: l.personnelNumber, width: 14, kind: 'text' },
    { label: l.fullName, width: 30, kind: 'text' },
    { label: l.rank, width: 18, kind: 'text' },
    { label: l.position, width: 24, kind: 'text' },
    { label: l.unitCode, width: 16, kind: 'text' },
    { label: l.unit, width: 30, kind: 'text' },
    { label: l.state, width: 14, kind: 'text' },
    { label: l.course, width: 30, kind: 'text' },
    { label: l.dueAt, width: 12, kind: 'text' },
    { label: l.completedAt, width: 12, kind: 'text' },
    { label: l.certificateSerial, width: 18, kind: 'text' },
    { label: l.reason, width: 24, kind: 'text' },
  ];
  return {
    language,
    title: l.officersTitle,
    meta: [
      { label: l.unit, value: `${unitNameIn(context.unit, language)} (${context.unit.code})` },
      { label: l.asOf, value: `${formatMoment(context.asOf, tz)} (${tz})` },
    ],
    columns,
    rows: lines(page.items, (officer, course) => [
      officer.personnelNumber,
      officer.fullName,
      officer.rank,
      officer.position,
      officer.unit.code,
      unitNameIn(officer.unit, language),
      l.states[officer.state],
      courseName(course, language),
      formatDueDate(course.dueAt, tz),
      formatDate(course.completedAt, tz),
      course.certificateSerial,
      course.reason
        ? `${l.refreshers}: ${refresherCategory(course, l) ?? ''}`
        : course.state === 'exempted'
          ? course.exemptionReason
          : course.state === 'completed'
            ? null
            : l.states[course.state],
    ]),
    total: null,
    notes: [],
    fileName: `officers-${context.unit.code}${context.state ? `-${context.state}` : ''}`,
    sheetName: context.unit.code,
  };
}

/** The two lists of an execution report: who completed (with certificates) and who did not (and why). */
export function officerSections(
  officers: { completed: OfficerOutcome[]; outstanding: OfficerOutcome[]; refreshers?: OfficerOutcome[] },
  language: Language,
  timezone: string,
): ReportSection[] {
  const l = labelsFor(language);
  const who: TableColumn[] = [
    { label: l.fullName, width: 26, kind: 'text' },
    { label: l.rank, width: 16, kind: 'text' },
    { label: l.personnelNumber, width: 12, kind: 'text' },
    { label: l.unit, width: 26, kind: 'text' },
    { label: l.course, width: 26, kind: 'text' },
  ];
  const person = (officer: OfficerOutcome, course: CourseOutcome): Cell[] => [
    officer.fullName,
    officer.rank,
    officer.personnelNumber,
    unitNameIn(officer.unit, language),
    courseName(course, language),
  ];
  const sections: ReportSection[] = [
    {
      title: `${l.completedOfficers} (${officers.completed.length})`,
      columns: [
        ...who,
        { label: l.completedAt, width: 12, kind: 'text' },
        { label: l.certificateSerial, width: 16, kind: 'text' },
      ],
      rows: lines(officers.completed, (officer, course) => [
        ...person(officer, course),
        course.state === 'exempted' ? courseStateText(course, l) : formatDate(course.completedAt, timezone),
        course.certificateSerial,
      ]),
      empty: l.none,
    },
    {
      title: `${l.outstandingOfficers} (${officers.outstanding.length})`,
      columns: [...who, { label: l.reason, width: 20, kind: 'text' }, { label: l.dueAt, width: 12, kind: 'text' }],
      rows: lines(officers.outstanding, (officer, course) => [
        ...person(officer, course),
        courseStateText(course, l),
        formatDueDate(course.dueAt, timezone),
      ]),
      empty: l.none,
    },
  ];
  if (officers.refreshers) {
    // Snapshots since refreshers have a reason of their own; older ones lack the list.
    sections.push({
      title: `${l.refresherOfficers} (${officers.refreshers.length})`,
      columns: [
        ...who,
        { label: l.complaintCategory, width: 16, kind: 'text' },
        { label: l.state, width: 14, kind: 'text' },
        { label: l.dueAt, width: 12, kind: 'text' },
      ],
      rows: lines(officers.refreshers, (officer, course) => [
        ...person(officer, course),
        refresherCategory(course, l),
        courseStateText(course, l),
        formatDueDate(course.dueAt, timezone),
      ]),
      empty: l.none,
    });
  }
  return sections;
}

/** The category of the complaint behind a refresher, in the document's language. */
export function refresherCategory(course: CourseOutcome, l: Labels): string | null {
  if (course.reason !== 'complaint-refresher') return null;
  return course.reasonDetail ? (l.categories[course.reasonDetail] ?? course.reasonDetail) : null;
}
