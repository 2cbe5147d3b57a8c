import type { EnrollmentView } from '@lms/assignments';
import type { CompletionRule } from '@lms/catalogue';
import { trainingGroups } from './training-list';

let serial = 0;
function enrolment(over: Partial<EnrollmentView>): EnrollmentView {
  serial += 1;
  return {
    id: `e${serial}`,
    officerId: 'o',
    officerName: 'X',
    personnelNumber: '1',
    unitId: 'u',
    courseId: `c${serial}`,
    courseCode: `C${serial}`,
    courseTitle: { kk: 'K', ru: 'R' },
    cycle: 1,
    courseVersionId: null,
    ruleId: null,
    orderId: null,
    status: 'assigned',
    progress: {
      lessonsRead: false,
      quizPassed: false,
      practicalPassed: false,
      seminarAttended: false,
      readLessonIds: [],
      seminarHours: 0,
    },
    assignedAt: new Date('2026-01-01'),
    dueAt: null,
    startedAt: null,
    completedAt: null,
    expiresAt: null,
    closedReason: null,
    closedBy: null,
    closedAt: null,
    reason: null,
    reasonDetail: null,
    ...over,
  };
}

const RULE: CompletionRule = { lessonsRead: true, quizPassed: true, practicalPassed: false, seminarAttended: true };

describe('trainingGroups', () => {
  it('puts overdue courses first, then the soonest due, and undated ones last', () => {
    const later = enrolment({ dueAt: new Date('2027-03-01') });
    const undated = enrolment({});
    const overdueLate = enrolment({ status: 'overdue', dueAt: new Date('2026-05-01') });
    const soon = enrolment({ status: 'in_progress', dueAt: new Date('2026-12-01') });
    const overdueEarly = enrolment({ status: 'overdue', dueAt: new Date('2026-02-01') });
    const groups = trainingGroups([later, undated, overdueLate, soon, overdueEarly], new Map(), new Map());
    expect(groups.open.map((c) => c.enrolment.id)).toEqual([
      overdueEarly.id,
      overdueLate.id,
      soon.id,
      later.id,
      undated.id,
    ]);
    expect(groups.overdueCount).toBe(2);
  });

  it('keeps completed courses apart, latest first, with their certificates', () => {
    const old = enrolment({ status: 'completed', completedAt: new Date('2025-06-01') });
    const recent = enrolment({ status: 'completed', completedAt: new Date('2026-06-01') });
    const exempted = enrolment({ status: 'exempted', closedReason: 'Academy', closedAt: new Date('2026-03-01') });
    const groups = trainingGroups(
      [old, recent, exempted],
      new Map(),
      new Map([[recent.id, { id: 'cert', serial: 'KZ-2026-000001', valid: true }]]),
    );
    expect(groups.completed.map((c) => c.enrolment.id)).toEqual([recent.id, old.id]);
    expect(groups.completed[0].certificate?.serial).toBe('KZ-2026-000001');
    expect(groups.closed.map((c) => c.enrolment.id)).toEqual([exempted.id]);
    expect(groups.open).toEqual([]);
  });

  it('shows each cycle of a recurring course as its own card, labelled', () => {
    const first = enrolment({ courseId: 'same', status: 'completed', cycle: 1, completedAt: new Date('2025-06-01') });
    const second = enrolment({ courseId: 'same', status: 'assigned', cycle: 2, dueAt: new Date('2026-06-01') });
    const single = enrolment({});
    const groups = trainingGroups([first, second, single], new Map(), new Map());
    expect(groups.open.find((c) => c.enrolment.id === second.id)?.showCycle).toBe(true);
    expect(groups.completed[0].showCycle).toBe(true);
    expect(groups.open.find((c) => c.enrolment.id === single.id)?.showCycle).toBe(false);
  });

  it('counts the steps the completion rule asks for', () => {
    const halfway = enrolment({
      status: 'in_progress',
      progress: { ...enrolment({}).progress, lessonsRead: true },
    });
    const done = enrolment({ status: 'completed', completedAt: new Date() });
    const groups = trainingGroups(
      [halfway, done],
      new Map([
        [halfway.id, RULE],
        [done.id, RULE],
      ]),
      new Map(),
    );
    expect(groups.open[0].steps).toEqual({ done: 1, total: 3, percent: 33 });
    expect(groups.completed[0].steps).toEqual({ done: 3, total: 3, percent: 100 });
  });
});
