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
import { createTestApp, TestApp } from '../support/test-app';

const QUIZ_ONLY = { lessonsRead: false, quizPassed: true, practicalPassed: false, seminarAttended: false };

describe('question statistics', () => {
  let t: TestApp;
  const api = (token: string) => apiAs(t, token);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts submitted attempts only, for the course’s authors; others get 404, HR and officers 403', async () => {
    const [admin, hr, trainer, officer] = await Promise.all(
      ['admin', 'hr.almaty', 'trainer', 'officer'].map((name) => t.login(name)),
    );
    const course = await createCourse(t, 'Q-STATS', {
      quiz: { questions: 3, drawCount: 3, passMark: 60, maxAttempts: 3 },
      completionRule: QUIZ_ONLY,
    });
    const quiz = course.quiz!;
    const start = async (token: string, enrolment: string) =>
      (await api(token).post(`/enrollments/${enrolment}/attempts`).expect(201)).body as {
        id: string;
        questions: { id: string; options: { id: string }[] }[];
      };
    // The officer fails once (every answer wrong), then passes; another officer leaves an attempt open.
    const mine = await enrol(t, hr, course.courseId, (await officerOf(t, 'officer')).id);
    const first = await start(officer, mine);
    await api(officer)
      .post(`/attempts/${first.id}/submit`)
      .send({ answers: wrongAnswers(first.questions as never, quiz) })
      .expect(200);
    const second = await start(officer, mine);
    await api(officer)
      .post(`/attempts/${second.id}/submit`)
      .send({ answers: rightAnswers(second.questions as never, quiz) })
      .expect(200);
    const other = await otherOfficerLogin(t, admin, 'ALM-BOST-UP', 'officer.stats');
    await start(other.token, await enrol(t, hr, course.courseId, other.officerId));

    const res = await api(trainer).get(`/course-versions/${course.versionId}/question-stats`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ courseVersionId: course.versionId, attempts: 2, groupSize: 1 });
    expect(res.body.questions).toHaveLength(3);
    const wrongOf = (questionId: string) =>
      quiz.questions.find((q) => q.id === questionId)!.options.find((o) => !o.correct)!.id;
    for (const stat of res.body.questions) {
      expect(stat).toMatchObject({
        drawn: 2,
        correct: 1,
        correctPercent: 50,
        mostChosenWrong: { optionId: wrongOf(stat.questionId), count: 1 },
        discrimination: 1,
      });
      expect(stat.text.ru).toBeTruthy();
    }

    const stranger = await staffLogin(t, admin, 'trainer.stranger', 'trainer', 'AST');
    expect((await api(stranger).get(`/course-versions/${course.versionId}/question-stats`)).status).toBe(404);
    expect((await api(hr).get(`/course-versions/${course.versionId}/question-stats`)).status).toBe(403);
    expect((await api(officer).get(`/course-versions/${course.versionId}/question-stats`)).status).toBe(403);
  });
});
