import type { CompletionRule } from '@lms/catalogue';
import type { EnrollmentProgress } from '../entities/enrollment.entity';

/** An enrolment is complete when every requirement its version's rule sets is met; the others do not count. */
export function meetsCompletionRule(rule: CompletionRule, progress: EnrollmentProgress): boolean {
  return (
    (!rule.lessonsRead || progress.lessonsRead === true) &&
    (!rule.quizPassed || progress.quizPassed === true) &&
    (!rule.practicalPassed || progress.practicalPassed === true) &&
    (!rule.seminarAttended || progress.seminarAttended === true)
  );
}

/**
 * How many months a completion stays valid: the version's validity, shortened
 * by the assignment rule's recurrence when that comes sooner (the officer is
 * enrolled again then anyway); null when neither limits it.
 */
export function completionValidityMonths(versionMonths: number | null, recurrenceMonths: number | null): number | null {
  const limits = [versionMonths, recurrenceMonths].filter((months): months is number => months !== null);
  return limits.length > 0 ? Math.min(...limits) : null;
}
