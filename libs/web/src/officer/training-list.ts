import type { EnrollmentView } from '@lms/assignments';
import type { CompletionRule } from '@lms/catalogue';
import { stepsOf } from './completion';

export interface TrainingCard {
  enrolment: EnrollmentView;
  /** Shown when the officer has taken the course in more than one cycle. */
  showCycle: boolean;
  overdue: boolean;
  steps: { done: number; total: number; percent: number } | null;
  certificate: { id: string; serial: string; valid: boolean } | null;
}

export interface TrainingGroups {
  open: TrainingCard[];
  completed: TrainingCard[];
  closed: TrainingCard[];
  overdueCount: number;
}

const time = (date: Date | string | null) => (date === null ? Number.POSITIVE_INFINITY : new Date(date).getTime());

/**
 * "My training": open enrolments with the overdue ones first, then by due date
 * (no due date last); completed ones latest first with their certificates;
 * exempted and withdrawn apart. Each cycle of a recurring course is its own
 * card, labelled with its cycle.
 */
export function trainingGroups(
  enrolments: EnrollmentView[],
  rules: Map<string, CompletionRule>,
  certificates: Map<string, { id: string; serial: string; valid: boolean }>,
): TrainingGroups {
  const cyclesPerCourse = new Map<string, number>();
  for (const e of enrolments) cyclesPerCourse.set(e.courseId, (cyclesPerCourse.get(e.courseId) ?? 0) + 1);
  const card = (enrolment: EnrollmentView): TrainingCard => ({
    enrolment,
    showCycle: (cyclesPerCourse.get(enrolment.courseId) ?? 0) > 1 || enrolment.cycle > 1,
    overdue: enrolment.status === 'overdue',
    steps: stepsOf(rules.get(enrolment.id) ?? null, enrolment),
    certificate: certificates.get(enrolment.id) ?? null,
  });
  const open = enrolments
    .filter((e) => e.status === 'assigned' || e.status === 'in_progress' || e.status === 'overdue')
    .map(card)
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        time(a.enrolment.dueAt) - time(b.enrolment.dueAt) ||
        a.enrolment.courseCode.localeCompare(b.enrolment.courseCode),
    );
  const completed = enrolments
    .filter((e) => e.status === 'completed')
    .map(card)
    .sort((a, b) => time(b.enrolment.completedAt) - time(a.enrolment.completedAt));
  const closed = enrolments
    .filter((e) => e.status === 'exempted' || e.status === 'withdrawn')
    .map(card)
    .sort((a, b) => time(b.enrolment.closedAt) - time(a.enrolment.closedAt));
  return { open, completed, closed, overdueCount: open.filter((c) => c.overdue).length };
}
