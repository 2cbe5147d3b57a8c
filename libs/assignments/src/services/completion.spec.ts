import type { CompletionRule } from '@lms/catalogue';
import { completionRuleMet, validityMonths } from './completion';

const everything: CompletionRule = {
  lessonsRead: true,
  quizPassed: true,
  practicalPassed: true,
  seminarAttended: true,
};

describe('completion', () => {
  it('needs every requirement the rule names, and only those', () => {
    const all = { lessonsRead: true, quizPassed: true, practicalPassed: true, seminarAttended: true };
    expect(completionRuleMet(everything, all)).toBe(true);
    expect(completionRuleMet(everything, { ...all, seminarAttended: false })).toBe(false);
    expect(completionRuleMet(everything, { lessonsRead: true, quizPassed: true, practicalPassed: true })).toBe(false);
    const quizOnly = { lessonsRead: false, quizPassed: true, practicalPassed: false, seminarAttended: false };
    expect(completionRuleMet(quizOnly, { quizPassed: true })).toBe(true);
    expect(completionRuleMet(quizOnly, { lessonsRead: true })).toBe(false);
  });

  it("keeps a completion valid for the version's months, or the rule's recurrence when sooner", () => {
    expect(validityMonths(24, null)).toBe(24);
    expect(validityMonths(24, 6)).toBe(6);
    expect(validityMonths(12, 36)).toBe(12);
    expect(validityMonths(null, 12)).toBe(12);
    expect(validityMonths(null, null)).toBeNull();
  });
});
