import { apiAs } from '../support/api-client';
import {
  enrol,
  officerOf,
  otherOfficerLogin,
  rightAnswers,
  staffLogin,
  wrongAnswers,
} from '../support/assessment-fixtures';
import { createCourse } from '../support/catalogue-fixtures';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

const QUIZ_ONLY = { lessonsRead: false, quizPassed: true, practicalPassed: false, seminarAttended: false };
const PRACTICAL_ONLY = { lessonsRead: false, quizPassed: false, practicalPassed: true, seminarAttended: false };

describe('quiz attempts and practical assessments', () => {
  let t: TestApp;
  const api = (token: string) => apiAs(t, token);
  let hr: string;
  let hrAstana: string;
  let trainer: string;
  let admin: string;
  let officer: string;
  let me: { id: string; fullName: string };

  const start = (enrollmentId: string, token = officer) => api(token).post(`/enrollments/${enrollmentId}/attempts`);
  const submit = (attemptId: string, answers: unknown[], token = officer) =>
    api(token).post(`/attempts/${attemptId}/submit`).send({ answers });
  const enrollment = async (id: string) => (await api(hr).get(`/enrollments/${id}`)).body;

  beforeAll(async () => {
    t = await createTestApp();
    [hr, hrAstana, trainer, admin, officer] = await Promise.all([
      t.login('hr.almaty'),
      t.login('hr.astana'),
      t.login('trainer'),
      t.login('admin'),
      t.login('officer'),
    ]);
    me = await officerOf(t, 'officer');
  });
  afterAll(() => t.close());

  describe('quiz attempts', () => {
    it('draws drawCount questions with shuffled options, pins the version, and never sends the answers before submission', async () => {
      const course = await createCourse(t, 'Q-DRAW', {
        quiz: { questions: 8, multiple: 2, drawCount: 5, timeLimitMinutes: 15 },
        completionRule: QUIZ_ONLY,
      });
      const id = await enrol(t, hr, course.courseId, me.id);
      expect((await enrollment(id)).courseVersionId).toBeNull();

      const res = await start(id);
      expect(res.status).toBe(201);
      const raw = JSON.stringify(res.body);
      expect(raw).not.toMatch(/"correct"|"explanation"|correctOptionIds/);
      expect(res.body.questions).toHaveLength(5);
      expect(new Set(res.body.questions.map((q: { id: string }) => q.id)).size).toBe(5);
      const bank = new Map(course.quiz!.questions.map((q) => [q.id, q]));
      for (const q of res.body.questions) {
        expect(Object.keys(q).sort()).toEqual(['id', 'multiple', 'options', 'text']);
        expect(q.text).toEqual({ kk: expect.any(String), ru: expect.any(String), en: expect.any(String) });
        expect(q.multiple).toBe(bank.get(q.id)!.multiple);
        expect(q.options.map((o: { id: string }) => o.id).sort()).toEqual(
          bank
            .get(q.id)!
            .options.map((o) => o.id)
            .sort(),
        );
        for (const option of q.options) expect(Object.keys(option).sort()).toEqual(['id', 'text']);
      }
      const deadline = new Date(res.body.deadline).getTime();
      expect(Math.abs(deadline - (Date.now() + 15 * 60_000))).toBeLessThan(60_000);

      // The draw and the option order are kept on the server, as shown.
      const [stored] = await t.sql<{ questions: { questionId: string; optionIds: string[] }[] }>(
        'SELECT questions FROM quiz_attempt WHERE id = $1',
        [res.body.id],
      );
      expect(stored.questions).toEqual(
        res.body.questions.map((q: { id: string; options: { id: string }[] }) => ({
          questionId: q.id,
          optionIds: q.options.map((o) => o.id),
        })),
      );
      // Starting the attempt started the enrolment and pinned the published version.
      expect(await enrollment(id)).toMatchObject({ status: 'in_progress', courseVersionId: course.versionId });

      // Reading the open attempt back, or asking again, shows the same questions, still without answers.
      const again = await start(id);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(res.body);
      const read = await api(officer).get(`/attempts/${res.body.id}`);
      expect(read.status).toBe(200);
      expect(JSON.stringify(read.body)).not.toMatch(/"correct"|"explanation"|correctOptionIds/);
      expect(read.body.questions).toEqual(res.body.questions);
      expect(await t.sql('SELECT 1 FROM quiz_attempt WHERE enrollment_id = $1', [id])).toHaveLength(1);
    });

    it('passes with the right answers, reports the pass to the enrolment and then shows the answers', async () => {
      const course = await createCourse(t, 'Q-PASS', {
        quiz: { questions: 5, multiple: 2, drawCount: 5, passMark: 80 },
        completionRule: QUIZ_ONLY,
      });
      const id = await enrol(t, hr, course.courseId, me.id);
      const attempt = (await start(id)).body;
      const answers = rightAnswers(attempt.questions, course.quiz!);
      // One multiple-choice question answered with only one of its two right options: wrong, all or nothing.
      const multi = attempt.questions.findIndex((q: { multiple: boolean }) => q.multiple);
      answers[multi] = { ...answers[multi], optionIds: answers[multi].optionIds.slice(0, 1) };
      const res = await submit(attempt.id, answers);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ score: 80, passed: true, correctCount: 4, questionCount: 5 });
      expect(res.body.enrollmentStatus).toBe('completed');
      expect(res.body.answersRevealed).toBe(true);
      const partial = res.body.results.find((r: { questionId: string }) => r.questionId === answers[multi].questionId);
      expect(partial).toMatchObject({
        answeredCorrectly: false,
        explanation: expect.objectContaining({ ru: expect.any(String) }),
      });
      expect(partial.correctOptionIds).toHaveLength(2);

      const after = await enrollment(id);
      expect(after.progress.quizPassed).toBe(true);
      expect(after.status).toBe('completed');
      const list = await api(officer).get(`/enrollments/${id}/attempts`);
      expect(list.body).toMatchObject({
        total: 1,
        items: [{ number: 1, status: 'submitted', score: 80, passed: true }],
      });
      // A completed enrolment takes no more attempts.
      expect((await start(id)).status).toBe(409);
    });

    it('fails wrong answers, keeps the answers hidden while attempts remain, and refuses an attempt beyond the limit', async () => {
      const course = await createCourse(t, 'Q-LIMIT', {
        quiz: { questions: 4, drawCount: 3, maxAttempts: 2 },
        completionRule: QUIZ_ONLY,
      });
      const id = await enrol(t, hr, course.courseId, me.id);
      const first = (await start(id)).body;
      const failed = await submit(first.id, wrongAnswers(first.questions, course.quiz!));
      expect(failed.body).toMatchObject({ score: 0, passed: false, attemptsLeft: 1, answersRevealed: false });
      expect(JSON.stringify(failed.body)).not.toMatch(/correctOptionIds|"explanation"/);
      expect((await enrollment(id)).progress.quizPassed).toBe(false);

      const second = await start(id);
      expect(second.status).toBe(201);
      expect(second.body.number).toBe(2);
      const answers = wrongAnswers(second.body.questions, course.quiz!);
      answers[0] = rightAnswers(second.body.questions, course.quiz!)[0];
      const last = await submit(second.body.id, answers);
      expect(last.body).toMatchObject({ score: 33, passed: false, attemptsLeft: 0, answersRevealed: true });
      const shown = last.body.results.map((r: { correctOptionIds: string[] }) => [...r.correctOptionIds].sort());
      expect(shown).toEqual(rightAnswers(second.body.questions, course.quiz!).map((a) => [...a.optionIds].sort()));

      const refused = await start(id);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ type: '/problems/attempts-exhausted', maxAttempts: 2 });
      expect((await t.sql('SELECT 1 FROM quiz_attempt WHERE enrollment_id = $1', [id])).length).toBe(2);
      const list = await api(hr).get(`/enrollments/${id}/attempts`);
      expect(list.body.items.map((a: { score: number }) => a.score)).toEqual([0, 33]);
    });

    it('refuses a second submission (409) and answers to questions not in the attempt (422), changing nothing', async () => {
      const course = await createCourse(t, 'Q-TWICE', {
        quiz: { questions: 6, drawCount: 3 },
        completionRule: QUIZ_ONLY,
      });
      const id = await enrol(t, hr, course.courseId, me.id);
      const attempt = (await start(id)).body;
      const drawn = new Set(attempt.questions.map((q: { id: string }) => q.id));
      const outsider = course.quiz!.questions.find((q) => !drawn.has(q.id))!;
      const foreign = await submit(attempt.id, [
        ...rightAnswers(attempt.questions, course.quiz!),
        { questionId: outsider.id, optionIds: [outsider.options[0].id] },
      ]);
      expectProblem(foreign, 422, 'invalid-answers');
      expect(foreign.body.errors).toEqual([
        { field: 'answers[3].questionId', message: 'is not a question of this attempt' },
      ]);
      const alien = await submit(attempt.id, [
        { questionId: attempt.questions[0].id, optionIds: [outsider.options[0].id] },
      ]);
      expect(alien.status).toBe(422);
      const malformed = await submit(attempt.id, [{ questionId: 'nope', optionIds: [] }]);
      expect(malformed.status).toBe(422);
      const [open] = await t.sql<{ status: string; answers: unknown }>(
        'SELECT status, answers FROM quiz_attempt WHERE id = $1',
        [attempt.id],
      );
      expect(open).toEqual({ status: 'open', answers: null });

      const ok = await submit(attempt.id, rightAnswers(attempt.questions, course.quiz!));
      expect(ok.body).toMatchObject({ score: 100, passed: true });
      const twice = await submit(attempt.id, rightAnswers(attempt.questions, course.quiz!));
      expectProblem(twice, 409, 'attempt-closed');
    });

    it('records a submission after the deadline (beyond the grace) as expired and failed, and accepts one within the grace', async () => {
      const course = await createCourse(t, 'Q-DEADLINE', {
        quiz: { questions: 4, drawCount: 2, timeLimitMinutes: 5, maxAttempts: 3 },
        completionRule: QUIZ_ONLY,
      });
      const id = await enrol(t, hr, course.courseId, me.id);
      const late = (await start(id)).body;
      await t.sql(`UPDATE quiz_attempt SET deadline = now() - interval '2 minutes' WHERE id = $1`, [late.id]);
      const refused = await submit(late.id, rightAnswers(late.questions, course.quiz!));
      expectProblem(refused, 409, 'attempt-expired');
      const [row] = await t.sql('SELECT status, score, passed FROM quiz_attempt WHERE id = $1', [late.id]);
      expect(row).toEqual({ status: 'expired', score: 0, passed: false });
      expect((await enrollment(id)).progress.quizPassed).toBe(false);
      expect((await submit(late.id, [])).status).toBe(409);

      // An open attempt left past its deadline counts as expired and does not block the next one.
      const abandoned = (await start(id)).body;
      expect(abandoned.number).toBe(2);
      await t.sql(`UPDATE quiz_attempt SET deadline = now() - interval '1 hour' WHERE id = $1`, [abandoned.id]);
      const listed = await api(officer).get(`/enrollments/${id}/attempts`);
      expect(listed.body.items[1]).toMatchObject({ status: 'expired', passed: false, score: 0 });
      const third = await start(id);
      expect(third.status).toBe(201);
      expect(third.body.number).toBe(3);
      await t.sql(`UPDATE quiz_attempt SET deadline = now() - interval '10 seconds' WHERE id = $1`, [third.body.id]);
      const inGrace = await submit(third.body.id, rightAnswers(third.body.questions, course.quiz!));
      expect(inGrace.status).toBe(200);
      expect(inGrace.body.passed).toBe(true);
    });

    it('opens one attempt when starts race, and grades it once when submissions race', async () => {
      const course = await createCourse(t, 'Q-RACE', {
        quiz: { questions: 4, drawCount: 2 },
        completionRule: QUIZ_ONLY,
      });
      const id = await enrol(t, hr, course.courseId, me.id);
      const starts = await Promise.all([start(id), start(id), start(id)]);
      expect(starts.map((r) => r.status).sort()).toEqual([200, 200, 201]);
      expect(new Set(starts.map((r) => r.body.id)).size).toBe(1);
      const attempt = starts[0].body;
      const answers = rightAnswers(attempt.questions, course.quiz!);
      const submits = await Promise.all([submit(attempt.id, answers), submit(attempt.id, answers)]);
      expect(submits.map((r) => r.status).sort()).toEqual([200, 409]);
      const [{ n }] = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'quiz-attempt.submit' AND entity_id = $1`,
        [attempt.id],
      );
      expect(n).toBe(1);
    });

    it('refuses attempts on a closed enrolment and on a course without a quiz (409)', async () => {
      const withQuiz = await createCourse(t, 'Q-CLOSED', { quiz: {}, completionRule: QUIZ_ONLY });
      const id = await enrol(t, hr, withQuiz.courseId, me.id);
      await api(hr).post(`/enrollments/${id}/exemption`).send({ reason: 'Trained elsewhere' }).expect(200);
      const closed = await start(id);
      expectProblem(closed, 409, 'enrollment-closed');

      const noQuiz = await createCourse(t, 'Q-NONE');
      const other = await enrol(t, hr, noQuiz.courseId, me.id);
      const refused = await start(other);
      expectProblem(refused, 409, 'no-quiz');
      expect((await enrollment(other)).status).toBe('assigned'); // nothing pinned
    });

    it('keeps an attempt to its officer: others cannot start, submit, read or list it; HR outside the subtree gets 404', async () => {
      const course = await createCourse(t, 'Q-PRIVATE', {
        quiz: { questions: 4, drawCount: 2 },
        completionRule: QUIZ_ONLY,
      });
      const id = await enrol(t, hr, course.courseId, me.id);
      const attempt = (await start(id)).body;
      const colleague = await otherOfficerLogin(t, admin, 'ALM-BOST-UP', 'q.colleague');

      expect((await start(id, colleague.token)).status).toBe(404);
      const stolen = await submit(attempt.id, rightAnswers(attempt.questions, course.quiz!), colleague.token);
      expect(stolen.status).toBe(404);
      expect((await api(colleague.token).get(`/attempts/${attempt.id}`)).status).toBe(404);
      expect((await api(colleague.token).get(`/enrollments/${id}/attempts`)).status).toBe(404);
      // Staff do not take an officer's quiz either.
      expect((await submit(attempt.id, [], hr)).status).toBe(403);
      expect((await submit(attempt.id, [], admin)).status).toBe(404);
      expect((await start(id, admin)).status).toBe(404);

      expect((await api(hr).get(`/enrollments/${id}/attempts`)).body.total).toBe(1);
      expect((await api(hrAstana).get(`/enrollments/${id}/attempts`)).status).toBe(404);
      expect((await api(hrAstana).get(`/attempts/${attempt.id}`)).status).toBe(404);
      const [{ status }] = await t.sql<{ status: string }>('SELECT status FROM quiz_attempt WHERE id = $1', [
        attempt.id,
      ]);
      expect(status).toBe('open');
    });
  });

  describe('practical assessments', () => {
    const assess = (enrollmentId: string, body: object, token = trainer) =>
      api(token).post(`/enrollments/${enrollmentId}/practical-assessments`).send(body);

    it('scores the role-play by weighted percent; a pass completes a practical-only enrolment', async () => {
      const course = await createCourse(t, 'P-PASS', { rubric: {}, completionRule: PRACTICAL_ONLY });
      const id = await enrol(t, hr, course.courseId, me.id);
      const [safety, words, closing] = course.rubric!.criteria.map((c) => c.id);
      const low = await assess(id, {
        scores: [
          { criterionId: safety, score: 2 },
          { criterionId: words, score: 3 },
          { criterionId: closing, score: 1 },
        ],
        comment: 'Stood too close; lost the thread once.',
      });
      expect(low.status).toBe(201);
      expect(low.body).toMatchObject({ score: 53, passed: false, passThreshold: 70, enrollmentStatus: 'in_progress' });
      expect((await enrollment(id)).progress.practicalPassed).toBe(false);

      const good = await assess(id, {
        scores: [
          { criterionId: closing, score: 1 },
          { criterionId: safety, score: 3 },
          { criterionId: words, score: 4 },
        ],
        comment: 'Calm, clear, safe.',
      });
      expect(good.body).toMatchObject({ score: 71.5, passed: true, enrollmentStatus: 'completed' });
      expect(good.body.scores.map((s: { criterionId: string }) => s.criterionId)).toEqual([safety, words, closing]);
      const [stored] = await t.sql<{ assessor: string; comment: string }>(
        `SELECT a.username AS assessor, p.comment FROM practical_assessment p JOIN user_account a ON a.id = p.assessor_user_id WHERE p.id = $1`,
        [good.body.id],
      );
      expect(stored).toEqual({ assessor: 'trainer', comment: 'Calm, clear, safe.' });
      const mine = await api(officer).get(`/enrollments/${id}/practical-assessments`);
      expect(mine.body.total).toBe(2);
      expect(mine.body.items[0]).toMatchObject({ score: 71.5, assessorName: 'trainer', comment: 'Calm, clear, safe.' });
      expect((await assess(id, { scores: [] })).status).toBe(422);
      const again = await assess(id, { scores: good.body.scores });
      expect(again.status).toBe(409);
    });

    it('refuses unknown, repeated or missing criteria and out-of-range scores with 422, writing nothing', async () => {
      const course = await createCourse(t, 'P-BAD', { rubric: {}, completionRule: PRACTICAL_ONLY });
      const id = await enrol(t, hr, course.courseId, me.id);
      const [safety, words, closing] = course.rubric!.criteria.map((c) => c.id);
      const cases = [
        {
          scores: [
            { criterionId: safety, score: 1 },
            { criterionId: words, score: 1 },
            { criterionId: course.courseId, score: 1 },
          ],
          error: { field: 'scores[2].criterionId', message: 'is not a criterion of this rubric' },
        },
        {
          scores: [
            { criterionId: safety, score: 1 },
            { criterionId: words, score: 1 },
          ],
          error: { field: 'scores', message: `criterion ${closing} is not scored` },
        },
        {
          scores: [
            { criterionId: safety, score: 5 },
            { criterionId: words, score: 1 },
            { criterionId: closing, score: 1 },
          ],
          error: { field: 'scores[0].score', message: 'must be between 0 and 4' },
        },
        {
          scores: [
            { criterionId: safety, score: 1 },
            { criterionId: words, score: -1 },
            { criterionId: closing, score: 1 },
          ],
          error: { field: 'scores[1].score', message: 'must be between 0 and 5' },
        },
        {
          scores: [
            { criterionId: safety, score: 1 },
            { criterionId: safety, score: 1 },
            { criterionId: words, score: 1 },
            { criterionId: closing, score: 1 },
          ],
          error: { field: 'scores[1].criterionId', message: 'is scored twice' },
        },
      ];
      for (const { scores, error } of cases) {
        const res = await assess(id, { scores, comment: 'x' });
        expectProblem(res, 422, 'invalid-scores');
        expect(res.body.errors).toContainEqual(error);
      }
      const typed = await assess(id, { scores: [{ criterionId: safety, score: 'four' }] });
      expect(typed.status).toBe(422);
      const unknownField = await assess(id, { scores: [{ criterionId: safety, score: 1 }], grade: 'A' });
      expect(unknownField.status).toBe(422);
      expect(await t.sql('SELECT 1 FROM practical_assessment WHERE enrollment_id = $1', [id])).toEqual([]);
      // Not even the version pin of a first grading survives a refusal.
      expect(await enrollment(id)).toMatchObject({ status: 'assigned', courseVersionId: null });
    });

    it('lets only trainers (and admins) assess, within their subtree; a course without a rubric is 409', async () => {
      const course = await createCourse(t, 'P-WHO', { rubric: {}, completionRule: PRACTICAL_ONLY });
      const id = await enrol(t, hr, course.courseId, me.id);
      const scores = course.rubric!.criteria.map((c) => ({ criterionId: c.id, score: c.maxScore }));
      expect((await assess(id, { scores }, officer)).status).toBe(403);
      expect((await assess(id, { scores }, hr)).status).toBe(403);
      const astanaTrainer = await staffLogin(t, admin, 'trainer.astana', 'trainer', 'AST');
      expect((await assess(id, { scores }, astanaTrainer)).status).toBe(404);
      const almatyTrainer = await staffLogin(t, admin, 'trainer.almaty', 'trainer', 'ALM');
      const ok = await assess(id, { scores, comment: 'Exemplary.' }, almatyTrainer);
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ score: 100, passed: true });

      const bare = await createCourse(t, 'P-NONE');
      const other = await enrol(t, hr, bare.courseId, me.id);
      const refused = await assess(other, { scores });
      expectProblem(refused, 409, 'no-rubric');
      expect((await api(hrAstana).get(`/enrollments/${id}/practical-assessments`)).status).toBe(404);
    });
  });
});
