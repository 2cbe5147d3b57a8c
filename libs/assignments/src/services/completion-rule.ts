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

/** What an enrolment's rule says about validity and recurrence (nothing for a course assigned by hand). */
export interface RuleValidity {
  validityMonths: number | null;
  recurrenceMonths: number | null;
}

/**
 * How many months a completion (and its certificate) stays valid: what the
 * rule says if it sets a validity, else the course version's `validityMonths`;
 * only when neither does, the rule's recurrence (the officer is enrolled again
 * then). A recurrence never cuts a version's validity short: the next cycle
 * opens when the completion stops being valid. Null: valid without end.
 */
export function completionValidityMonths(versionMonths: number | null, rule: RuleValidity | null): number | null {
  return rule?.validityMonths ?? versionMonths ?? rule?.recurrenceMonths ?? null;
}
