import type { CompletionRule } from '@lms/catalogue';
import { completionValidityMonths, meetsCompletionRule } from './completion-rule';

const NOTHING: CompletionRule = {
  lessonsRead: false,
  quizPassed: false,
  practicalPassed: false,
  seminarAttended: false,
};
const EVERYTHING: CompletionRule = {
  lessonsRead: true,
  quizPassed: true,
  practicalPassed: true,
  seminarAttended: true,
};
const REQUIREMENTS = Object.keys(NOTHING) as (keyof CompletionRule)[];

describe('meetsCompletionRule', () => {
  it.each(REQUIREMENTS)('completes on %s alone when it is the only requirement', (requirement) => {
    const rule = { ...NOTHING, [requirement]: true };
    expect(meetsCompletionRule(rule, { [requirement]: true })).toBe(true);
    expect(meetsCompletionRule(rule, {})).toBe(false);
    expect(meetsCompletionRule(rule, { [requirement]: false })).toBe(false);
  });

  it.each(REQUIREMENTS)('does not complete while %s is missing from a rule that asks for everything', (missing) => {
    const progress = Object.fromEntries(REQUIREMENTS.map((r) => [r, r !== missing]));
    expect(meetsCompletionRule(EVERYTHING, progress)).toBe(false);
  });

  it('completes when everything asked for is met', () => {
    expect(
      meetsCompletionRule(EVERYTHING, {
        lessonsRead: true,
        quizPassed: true,
        practicalPassed: true,
        seminarAttended: true,
      }),
    ).toBe(true);
  });

  it('ignores progress the rule does not ask for', () => {
    const rule = { ...NOTHING, quizPassed: true };
    expect(meetsCompletionRule(rule, { quizPassed: true, lessonsRead: false, seminarAttended: false })).toBe(true);
  });

  it('counts only an explicit true, not a truthy leftover', () => {
    const rule = { ...NOTHING, seminarAttended: true };
    expect(meetsCompletionRule(rule, { seminarAttended: 'yes' as unknown as boolean })).toBe(false);
  });
});

describe('completionValidityMonths', () => {
  const rule = (recurrenceMonths: number | null, validityMonths: number | null = null) => ({
    recurrenceMonths,
    validityMonths,
  });

  it('is unlimited when neither the version nor the rule limits it', () => {
    expect(completionValidityMonths(null, null)).toBeNull();
    expect(completionValidityMonths(null, rule(null))).toBeNull();
  });

  it('keeps a 24-month course valid 24 months under a rule that recurs every 12', () => {
    expect(completionValidityMonths(24, rule(12))).toBe(24);
    expect(completionValidityMonths(6, rule(12))).toBe(6);
    expect(completionValidityMonths(24, null)).toBe(24);
  });

  it('takes the rule’s own validity over the version’s', () => {
    expect(completionValidityMonths(24, rule(12, 36))).toBe(36);
    expect(completionValidityMonths(null, rule(null, 6))).toBe(6);
  });

  it('falls back to the recurrence when the version sets no validity', () => {
    expect(completionValidityMonths(null, rule(12))).toBe(12);
  });
});
