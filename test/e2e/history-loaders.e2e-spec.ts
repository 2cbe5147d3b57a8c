import { AssessmentHistoryService } from '@lms/assessments';
import { EnrollmentHistoryService, PastEnrollment } from '@lms/assignments';
import { NotFound, RequestContext, ValidationFailed } from '@lms/core';
import { PastSession, SeminarHistoryService, TrainerDoubleBooked } from '@lms/seminars';
import { officerOf } from '../support/assessment-fixtures';
import { createCourse } from '../support/catalogue-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const FULL = { lessonsRead: true, quizPassed: true, practicalPassed: true, seminarAttended: true };

/** The loaders keep the live rules: what they refuse, they refuse whole, and what they write is dated as given. */
describe('history loaders', () => {
  let t: TestApp;
  let course: Awaited<ReturnType<typeof createCourse>>;
  let me: { id: string; fullName: string };
  let trainerId: string;
  let unitId: string;
  const system = RequestContext.system();
  const enrolments = () => t.app.get(EnrollmentHistoryService);

  /** A past enrolment of the demo officer on the test course, started 50 days ago. */
  const past = (extra: Partial<PastEnrollment> = {}): PastEnrollment => ({
    officerId: me.id,
    courseId: course.courseId,
    cycle: 1,
    ruleId: null,
    orderId: null,
    assignedAt: ago(60),
    dueAt: ago(30),
    startedAt: ago(50),
    progress: {},
    ...extra,
  });
  const rowsOfCourse = async () =>
    (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM enrollment WHERE course_id = $1', [course.courseId]))[0]
      .n;
  const refusal = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationFailed);
    return (error as ValidationFailed).errors;
  };

  beforeAll(async () => {
    t = await createTestApp();
    course = await createCourse(t, 'H-LOAD', {
      lessons: 2,
      quiz: { questions: 6, drawCount: 4, passMark: 75 },
      rubric: {},
      seminar: { required: true, hours: 3 },
      completionRule: FULL,
      validityMonths: 12,
    });
    me = await officerOf(t, 'officer');
    [{ id: trainerId }] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'trainer'`);
    [{ id: unitId }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM'`);
  });
  afterAll(() => t.close());

  it('refuses a completion its completion rule does not allow, or a date ahead of now, and writes nothing', async () => {
    const half = past({ completedAt: ago(10), progress: { lessonsRead: true, quizPassed: true } });
    expect(await refusal(enrolments().load(system, [half]))).toEqual([
      { field: 'entries[0].progress', message: "does not meet the version's completion rule" },
    ]);
    const ahead = past({ startedAt: new Date(Date.now() + DAY) });
    expect(await refusal(enrolments().load(system, [past(), ahead]))).toEqual(
      expect.arrayContaining([{ field: 'entries[1].startedAt', message: 'is in the future' }]),
    );
    const backwards = past({ startedAt: ago(70) });
    expect(await refusal(enrolments().load(system, [backwards]))).toEqual([
      { field: 'entries[0].startedAt', message: 'is before the step it follows' },
    ]);
    expect(await rowsOfCourse()).toBe(0);
  });

  it('writes a completion as it happened, with its certificate dated and numbered then, and says so in the audit', async () => {
    const done = { lessonsRead: true, quizPassed: true, practicalPassed: true, seminarAttended: true, seminarHours: 3 };
    const completedAt = ago(20);
    const [loaded] = await enrolments().load(system, [past({ completedAt, progress: done })]);
    const [row] = await t.sql<{ status: string; completed_at: Date; expires_at: Date; course_version_id: string }>(
      'SELECT status, completed_at, expires_at, course_version_id FROM enrollment WHERE id = $1',
      [loaded.id],
    );
    expect(row).toMatchObject({ status: 'completed', completed_at: completedAt, course_version_id: course.versionId });
    const months = (row.expires_at.getTime() - row.completed_at.getTime()) / (30.44 * DAY);
    expect(Math.round(months)).toBe(12);
    const [certificate] = await t.sql<{ issued_at: Date; serial: string }>(
      'SELECT issued_at, serial FROM certificate WHERE enrollment_id = $1',
      [loaded.id],
    );
    expect(certificate.issued_at).toEqual(completedAt);
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Almaty', year: 'numeric' }).format(completedAt);
    expect(certificate.serial).toMatch(new RegExp(`^KZ-${year}-\\d{6,}$`));
    const [event] = await t.sql<{ after: { enrolments: number } }>(
      `SELECT after FROM audit_event WHERE action = 'enrollment.load-history' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event.after.enrolments).toBe(1);
  });

  describe('seminars and assessments', () => {
    let enrollmentId: string;

    beforeAll(async () => {
      [{ id: enrollmentId }] = await t.sql<{ id: string }>(
        'SELECT id FROM enrollment WHERE course_id = $1 AND officer_id = $2',
        [course.courseId, me.id],
      );
    });

    // An evening 25 days ago: the demo's own seminars are held in the mornings, Almaty time.
    const evening = new Date(Math.floor(ago(25).getTime() / DAY) * DAY + 14 * 3_600_000);
    const session = (extra: Partial<PastSession> = {}): PastSession => ({
      courseId: course.courseId,
      unitId,
      trainerUserId: trainerId,
      scheduledAt: ago(40),
      startsAt: evening,
      endsAt: new Date(evening.getTime() + 3 * 3_600_000),
      address: 'Алматы, пр. Абая, 109',
      room: null,
      capacity: 1,
      language: 'ru',
      attendees: [{ officerId: me.id, enrollmentId, bookedAt: ago(30), status: 'present' }],
      ...extra,
    });

    it('refuses more attendees than seats, an enrolment not theirs, and the trainer in two places', async () => {
      const seminars = t.app.get(SeminarHistoryService);
      const [other] = await t.sql<{ id: string }>(
        `SELECT id FROM enrollment WHERE officer_id <> $1 AND course_id <> $2 LIMIT 1`,
        [me.id, course.courseId],
      );
      const crowded = session({
        attendees: [...session().attendees, { officerId: me.id, enrollmentId, bookedAt: ago(30), status: 'late' }],
      });
      expect(await refusal(seminars.load(system, [crowded]))).toEqual(
        expect.arrayContaining([{ field: 'sessions[0].attendees', message: 'exceed the capacity' }]),
      );
      const stranger = session({
        attendees: [{ officerId: me.id, enrollmentId: other.id, bookedAt: ago(30), status: 'present' }],
      });
      await expect(seminars.load(system, [stranger])).rejects.toBeInstanceOf(NotFound);
      await expect(seminars.load(system, [session(), session()])).rejects.toBeInstanceOf(TrainerDoubleBooked);
      const [{ n }] = await t.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM seminar_session WHERE course_id = $1',
        [course.courseId],
      );
      expect(n).toBe(0);
      const ids = await seminars.load(system, [session()]);
      const [attendance] = await t.sql<{ status: string; hours: string; marked_by: string }>(
        'SELECT status, hours, marked_by FROM seminar_attendance WHERE session_id = $1',
        [ids[0]],
      );
      expect(attendance).toEqual({ status: 'present', hours: '3.0', marked_by: trainerId });
    });

    it('grades attempts and role-plays itself, and refuses answers or draws the bank does not have', async () => {
      const assessments = t.app.get(AssessmentHistoryService);
      const quiz = course.quiz!;
      const questions = quiz.questions
        .slice(0, 4)
        .map((q) => ({ questionId: q.id, optionIds: q.options.map((o) => o.id) }));
      const right = quiz.questions.slice(0, 4).map((q) => ({
        questionId: q.id,
        optionIds: q.options.filter((o) => o.correct).map((o) => o.id),
      }));
      const attempt = {
        enrollmentId,
        startedAt: ago(28),
        submittedAt: new Date(ago(28).getTime() + 600_000),
        questions,
      };
      const rubric = course.rubric!;
      const full = rubric.criteria.map((c) => ({ criterionId: c.id, score: c.maxScore }));

      const foreign = {
        ...attempt,
        questions: [...questions.slice(1), { questionId: course.courseId, optionIds: [] }],
      };
      const problems = await refusal(
        assessments.load(system, { attempts: [{ ...foreign, answers: [] }], practicals: [] }),
      );
      expect(problems).toEqual(
        expect.arrayContaining([
          { field: 'attempts[0].questions', message: `question ${course.courseId} is not in the bank` },
        ]),
      );
      const late = { ...attempt, submittedAt: new Date(ago(28).getTime() + 25 * 60_000), answers: right };
      expect(await refusal(assessments.load(system, { attempts: [late], practicals: [] }))).toEqual([
        { field: 'attempts[0].submittedAt', message: 'is past the time limit' },
      ]);
      const fourTimes = [1, 2, 3, 4].map(() => ({ ...attempt, answers: right }));
      expect(await refusal(assessments.load(system, { attempts: fourTimes, practicals: [] }))).toEqual([
        { field: 'attempts[3].enrollmentId', message: 'has more than 3 attempts' },
      ]);
      expect(await t.sql('SELECT 1 FROM quiz_attempt WHERE enrollment_id = $1', [enrollmentId])).toEqual([]);

      await assessments.load(system, {
        attempts: [{ ...attempt, answers: right }],
        practicals: [
          { enrollmentId, assessorUserId: trainerId, scores: full, comment: 'Спокойно и ясно.', assessedAt: ago(25) },
        ],
      });
      const [graded] = await t.sql<{ score: number; passed: boolean; number: number }>(
        'SELECT score, passed, number FROM quiz_attempt WHERE enrollment_id = $1',
        [enrollmentId],
      );
      expect(graded).toEqual({ score: 100, passed: true, number: 1 });
      const [scored] = await t.sql<{ score: string; passed: boolean; comment: string }>(
        'SELECT score, passed, comment FROM practical_assessment WHERE enrollment_id = $1',
        [enrollmentId],
      );
      expect(scored).toEqual({ score: '100.00', passed: true, comment: 'Спокойно и ясно.' });
    });
  });
});
