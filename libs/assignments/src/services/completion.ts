import type { CompletionRule } from '@lms/catalogue';
import type { EnrollmentProgress } from '../entities/enrollment.entity';

/** Has the officer met every requirement the version's completion rule names? */
export function completionRuleMet(rule: CompletionRule, progress: EnrollmentProgress): boolean {
  return (
    (!rule.lessonsRead || progress.lessonsRead === true) &&
    (!rule.quizPassed || progress.quizPassed === true) &&
    (!rule.practicalPassed || progress.practicalPassed === true) &&
    (!rule.seminarAttended || progress.seminarAttended === true)
  );
}

/** How long a completion stays valid: the version's validity, shortened by the rule's recurrence when that is sooner. */
export function validityMonths(versionMonths: number | null, recurrenceMonths: number | null): number | null {
  const limits = [versionMonths, recurrenceMonths].filter((months): months is number => months !== null);
  return limits.length === 0 ? null : Math.min(...limits);
}
