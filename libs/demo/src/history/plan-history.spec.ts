import { meetsCompletionRule } from '@lms/assignments';
import type { VersionContent } from '@lms/catalogue';
import { DemoClock } from './demo-clock';
import type { DemoWorld, WorldCourse, WorldOfficer } from './demo-world';
import { DUE_IN_DAYS } from './enrolment-track';
import { assignmentDays, demoOfficerRole, planHistory } from './plan-history';

const text = (s: string) => ({ kk: s, ru: s });

/** A course like the programme's: lessons, a quiz bank, a rubric, a seminar unless `seminar` is false. */
function course(code: string, seminar = true): WorldCourse {
  const content: VersionContent = {
    objectives: [],
    lessons: [1, 2, 3, 4, 5].map((n) => ({
      id: `${code}-l${n}`,
      title: text('L'),
      body: text('B'),
      durationMinutes: 20,
      attachments: [],
    })),
    quiz: {
      questions: Array.from({ length: 12 }, (_, q) => ({
        id: `${code}-q${q}`,
        text: text('Q'),
        multiple: q % 4 === 0,
        options: ['a', 'b', 'c', 'd'].map((o) => ({
          id: `${code}-q${q}${o}`,
          text: text(o),
          correct: o === 'a' || (q % 4 === 0 && o === 'b'),
        })),
        explanation: null,
      })),
      drawCount: 10,
      passMark: 70,
      timeLimitMinutes: 20,
      maxAttempts: 3,
    },
    rubric: {
      criteria: [1, 2, 3, 4].map((n) => ({ id: `${code}-c${n}`, description: text('C'), weight: 25, maxScore: 5 })),
      passThreshold: 70,
    },
    seminar: { required: seminar, hours: 4 },
    completionRule: { lessonsRead: true, quizPassed: true, practicalPassed: seminar, seminarAttended: seminar },
    validityMonths: 24,
  };
  return { id: `course-${code}`, code, content };
}

function world(): DemoWorld {
  const courses = ['TRUST', 'CONFLICT', 'PSY', 'CRIT'].map((code) => course(code)).concat(course('ETHICS', false));
  const regions = ['ALM', 'AST', 'SHY', 'KRG'];
  const officers: WorldOfficer[] = Array.from({ length: 160 }, (_, i) => ({
    id: `officer-${i}`,
    personnelNumber: String(100001 + i),
    region: regions[i % regions.length],
    language: i % 3 === 0 ? 'ru' : 'kk',
  }));
  return {
    courses,
    enrolments: officers.flatMap((officer) =>
      courses.map((c) => ({ officer, course: c, ruleId: `rule-${c.code}-${officer.region}`, orderId: 'order' })),
    ),
    recurrence: new Map([[courses[0].id, 6]]),
    demoOfficerId: 'officer-0',
    trainerUserId: 'trainer',
    adminUserId: 'admin',
    hrByRegion: new Map([['ALM', 'hr.almaty']]),
    regionUnitIds: new Map(regions.map((r) => [r, `unit-${r}`])),
  };
}

const NOW = new Date('2026-11-29T14:00:00Z');
const today = new DemoClock(NOW).startOfToday;

describe('the demo history plan', () => {
  const plan = planHistory(world(), NOW);

  it('is the same for the same date, whatever the hour, and differs on another date', () => {
    const morning = planHistory(world(), new Date('2026-11-29T01:30:00Z')); // 06:30 in Almaty
    const evening = planHistory(world(), new Date('2026-11-29T18:30:00Z')); // 23:30 in Almaty
    expect(JSON.stringify(morning)).toBe(JSON.stringify(plan));
    expect(JSON.stringify(evening)).toBe(JSON.stringify(plan));
    const tomorrow = planHistory(world(), new Date('2026-11-30T14:00:00Z'));
    expect(tomorrow.enrolments[0].assignedAt.getTime() - plan.enrolments[0].assignedAt.getTime()).toBe(86_400_000);
  });

  it('keeps the history before today and what is scheduled after it', () => {
    const past = [
      ...plan.enrolments.flatMap((e) => [e.assignedAt, e.startedAt, e.completedAt, e.exemption?.at]),
      ...plan.sessions.flatMap((s) => [s.endsAt, ...s.attendees.map((a) => a.bookedAt)]),
      ...plan.attempts.map((a) => a.submittedAt),
      ...plan.practicals.map((p) => p.assessedAt),
    ].filter((at): at is Date => at instanceof Date);
    expect(past.every((at) => at.getTime() < today)).toBe(true);
    expect(plan.upcoming.length).toBeGreaterThan(0);
    expect(plan.upcoming.every((s) => s.startsAt.getTime() > today + 86_400_000)).toBe(true);
  });

  it('spreads the enrolments of the programme over the last year, in every state', () => {
    // The first course assigned about a year ago; the last two still due, the others past their due dates.
    const days = assignmentDays(5);
    expect(days[0]).toBeLessThan(-300);
    expect(days.map((day) => day + DUE_IN_DAYS > 0)).toEqual([false, false, false, true, true]);
    const state = (e: (typeof plan.enrolments)[number]) =>
      e.completedAt ? 'completed' : e.exemption ? 'exempted' : !e.startedAt ? 'assigned' : 'in_progress';
    const states = new Set(plan.enrolments.map(state));
    expect([...states].sort()).toEqual(['assigned', 'completed', 'exempted', 'in_progress']);
    const overdue = plan.enrolments.filter((e) => !e.completedAt && !e.exemption && e.dueAt!.getTime() < today);
    expect(overdue.length).toBeGreaterThan(0);
    const months = new Set(
      plan.enrolments.flatMap((e) => (e.completedAt ? [e.completedAt.toISOString().slice(0, 7)] : [])),
    );
    expect(months.size).toBeGreaterThanOrEqual(8);
    // The refresher course opened a second cycle for those whose first completion ran out.
    expect(plan.enrolments.some((e) => e.courseId === 'course-TRUST' && e.cycle === 2)).toBe(true);
  });

  it('completes only what the completion rule allows, backed by a passed quiz, seminar and role-play', () => {
    const courses = new Map(world().courses.map((c) => [c.id, c]));
    const key = (e: { officerId: string; courseId: string; cycle: number }) =>
      `${e.officerId}/${e.courseId}/${e.cycle}`;
    const passedQuiz = new Set<string>();
    for (const a of plan.attempts) {
      const quiz = courses.get(a.key.split('/')[1])!.content.quiz!;
      const right = a.answers.filter((answer) => {
        const q = quiz.questions.find((x) => x.id === answer.questionId)!;
        const correct = q.options.filter((o) => o.correct).map((o) => o.id);
        return correct.length === answer.optionIds.length && correct.every((id) => answer.optionIds.includes(id));
      }).length;
      if (Math.round((100 * right) / a.questions.length) >= quiz.passMark) passedQuiz.add(a.key);
    }
    const attended = new Set(
      plan.sessions.flatMap((s) => s.attendees.filter((a) => ['present', 'late'].includes(a.status)).map((a) => a.key)),
    );
    for (const e of plan.enrolments.filter((x) => x.completedAt)) {
      const rule = courses.get(e.courseId)!.content.completionRule;
      expect(meetsCompletionRule(rule, e.progress)).toBe(true);
      expect(passedQuiz.has(key(e))).toBe(true);
      if (rule.seminarAttended) expect(attended.has(key(e))).toBe(true);
    }
    for (const e of plan.enrolments) expect(e.progress.quizPassed ?? false).toBe(passedQuiz.has(key(e)));
  });

  it('never has the one trainer in two places, nor more attendees than seats', () => {
    const all = [...plan.sessions, ...plan.upcoming].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (let i = 1; i < all.length; i++)
      expect(all[i].startsAt.getTime()).toBeGreaterThanOrEqual(all[i - 1].endsAt.getTime());
    for (const s of plan.sessions) {
      expect(s.attendees.length).toBeLessThanOrEqual(s.capacity);
      expect(new Set(s.attendees.map((a) => a.officerId)).size).toBe(s.attendees.length);
    }
  });

  it('gives the demo officer a course of each kind, and seminars ahead for the one in progress', () => {
    expect([0, 1, 2, 3, 4].map((i) => demoOfficerRole(i, 5))).toEqual([
      'complete',
      'complete',
      'overdue',
      'in_progress',
      'assigned',
    ]);
    const mine = plan.enrolments.filter((e) => e.officerId === 'officer-0');
    const byCourse = (code: string) => mine.filter((e) => e.courseId === `course-${code}`);
    expect(byCourse('TRUST').map((e) => !!e.completedAt)).toEqual([true, true]);
    expect(byCourse('CONFLICT')[0].completedAt).toBeDefined();
    const overdue = byCourse('PSY')[0];
    expect(overdue.completedAt).toBeUndefined();
    expect(overdue.dueAt!.getTime()).toBeLessThan(today);
    expect(plan.attempts.filter((a) => a.key === `officer-0/course-PSY/1`)).toHaveLength(1);
    const inProgress = byCourse('CRIT')[0];
    expect(inProgress.startedAt).not.toBeNull();
    expect(inProgress.dueAt!.getTime()).toBeGreaterThan(today);
    expect(inProgress.progress.readLessonIds).toHaveLength(2);
    expect(byCourse('ETHICS')[0].startedAt).toBeNull();

    const ahead = plan.upcoming.filter((s) => s.courseId === 'course-CRIT' && s.unitId === 'unit-ALM');
    expect(ahead.some((s) => s.bookings.length < s.capacity)).toBe(true);
    expect(ahead.some((s) => s.bookings.length > s.capacity)).toBe(true);
    expect(ahead.flatMap((s) => s.bookings)).not.toContain('officer-0');
  });
});
