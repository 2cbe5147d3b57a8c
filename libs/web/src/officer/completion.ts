import type { EnrollmentView } from '@lms/assignments';
import type { CompletionRule } from '@lms/catalogue';

export type Requirement = keyof CompletionRule;
const REQUIREMENTS: Requirement[] = ['lessonsRead', 'quizPassed', 'practicalPassed', 'seminarAttended'];

export interface Need {
  requirement: Requirement;
  met: boolean;
}

/** What the version's completion rule asks for, each with whether the enrolment has it. */
export function completionNeeds(rule: CompletionRule, progress: EnrollmentView['progress']): Need[] {
  return REQUIREMENTS.filter((requirement) => rule[requirement]).map((requirement) => ({
    requirement,
    met: progress[requirement] === true,
  }));
}

/** Steps done of steps required; a completed enrolment has done them all. */
export function stepsOf(rule: CompletionRule | null, enrolment: Pick<EnrollmentView, 'status' | 'progress'>) {
  if (!rule) return null;
  const needs = completionNeeds(rule, enrolment.progress);
  const done = enrolment.status === 'completed' ? needs.length : needs.filter((need) => need.met).length;
  return { done, total: needs.length, percent: needs.length === 0 ? 0 : Math.round((done / needs.length) * 100) };
}
