import { apiAs } from './api-client';
import { FixtureQuiz } from './catalogue-fixtures';
import { TestApp } from './test-app';

interface AttemptQuestion {
  id: string;
  options: { id: string }[];
}

/** The officer record behind a login. */
export async function officerOf(t: TestApp, username: string): Promise<{ id: string; fullName: string }> {
  const [row] = await t.sql<{ id: string; full_name: string }>(
    `SELECT o.id, o.full_name FROM user_account a JOIN officer o ON o.id = a.officer_id WHERE a.username = $1`,
    [username.toLowerCase()],
  );
  return { id: row.id, fullName: row.full_name };
}

/** HR assigns the course to one officer by hand; returns the enrolment id. */
export async function enrol(t: TestApp, hrToken: string, courseId: string, officerId: string): Promise<string> {
  const res = await apiAs(t, hrToken)
    .post('/enrollments')
    .send({ courseId, officerIds: [officerId], dueInDays: 30 });
  if (res.status !== 201) throw new Error(`enrol: ${res.status} ${JSON.stringify(res.body)}`);
  const [row] = await t.sql<{ id: string }>(
    `SELECT id FROM enrollment WHERE course_id = $1 AND officer_id = $2 AND status IN ('assigned', 'in_progress')`,
    [courseId, officerId],
  );
  return row.id;
}

/** An officer account for another officer of a unit (password `Officer-test-2026`); returns its token. */
export async function otherOfficerLogin(t: TestApp, adminToken: string, unitCode: string, username: string) {
  const [other] = await t.sql<{ id: string; unit_id: string }>(
    `SELECT o.id, o.unit_id FROM officer o JOIN unit u ON u.id = o.unit_id
     WHERE u.code = $1 AND o.status = 'active' AND NOT EXISTS (SELECT 1 FROM user_account a WHERE a.officer_id = o.id)
     ORDER BY o.personnel_number LIMIT 1`,
    [unitCode],
  );
  const password = 'Officer-test-2026';
  const res = await apiAs(t, adminToken)
    .post('/users')
    .send({ username, password, officerId: other.id, roles: [{ role: 'officer', unitId: other.unit_id }] });
  if (res.status !== 201) throw new Error(`user ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return { officerId: other.id, token: await t.login(username, password) };
}

/** A user with one role at one unit (password `Staff-test-2026`); returns its token. */
export async function staffLogin(t: TestApp, adminToken: string, username: string, role: string, unitCode: string) {
  const [unit] = await t.sql<{ id: string }>('SELECT id FROM unit WHERE code = $1', [unitCode]);
  const password = 'Staff-test-2026';
  const res = await apiAs(t, adminToken)
    .post('/users')
    .send({ username, password, roles: [{ role, unitId: unit.id }] });
  if (res.status !== 201) throw new Error(`user ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return t.login(username, password);
}

/** The right answers to an attempt's questions, from the trainer's view of the quiz. */
export function rightAnswers(questions: AttemptQuestion[], quiz: FixtureQuiz) {
  return questions.map((q) => ({
    questionId: q.id,
    optionIds: quiz.questions
      .find((b) => b.id === q.id)!
      .options.filter((o) => o.correct)
      .map((o) => o.id),
  }));
}

/** One wrong option for every question. */
export function wrongAnswers(questions: AttemptQuestion[], quiz: FixtureQuiz) {
  return questions.map((q) => ({
    questionId: q.id,
    optionIds: [quiz.questions.find((b) => b.id === q.id)!.options.find((o) => !o.correct)!.id],
  }));
}
