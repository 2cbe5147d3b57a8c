import { mkdirSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { apiAs } from '../support/api-client';
import { enrol, staffLogin } from '../support/assessment-fixtures';
import { createCourse, unitId } from '../support/catalogue-fixtures';
import { binary, pdfText } from '../support/pdf';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

interface Row {
  trainerUserId: string;
  courseId: string;
  sessions: number;
  seats: number;
  seatsFilled: number;
  fillPercent: number | null;
  attended: number;
  attendancePercent: number | null;
  assessments: number;
  passed: number;
  passPercent: number | null;
  criteria: { criterionId: string; average: number; count: number; maxScore: number | null }[];
}

describe('trainer report', () => {
  let t: TestApp;
  let hr: string;
  let hrAstana: string;
  let trainer: string;
  let second: string;
  let courseId: string;
  let trainerId: string;
  let secondId: string;
  let criteria: string[];
  const api = (token: string) => apiAs(t, token);
  const report = async (token: string, query = '') => {
    const res = await api(token).get(`/reports/trainers?${query}`);
    expect(res.status).toBe(200);
    return res.body as { ownOnly: boolean; rows: Row[] };
  };
  const rowOf = (rows: Row[], trainerUserId: string) =>
    rows.find((row) => row.trainerUserId === trainerUserId && row.courseId === courseId);

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login('admin');
    [hr, hrAstana, trainer] = await Promise.all(['hr.almaty', 'hr.astana', 'trainer'].map((name) => t.login(name)));
    second = await staffLogin(t, admin, 'trainer.second', 'trainer', 'ALM');
    [{ id: trainerId }] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'trainer'`);
    [{ id: secondId }] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'trainer.second'`);
    const course = await createCourse(t, 'T-REPORT', {
      rubric: {
        criteria: [
          { weight: 60, maxScore: 4 },
          { weight: 40, maxScore: 5 },
        ],
      },
    });
    courseId = course.courseId;
    criteria = course.rubric!.criteria.map((c) => c.id);
    const bost = await unitId(t, 'ALM-BOST');
    const officers = await t.sql<{ id: string }>(
      `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id WHERE u.path LIKE (SELECT path FROM unit WHERE id = $1) || '%'
         AND o.status = 'active' ORDER BY o.personnel_number LIMIT 3`,
      [bost],
    );
    const enrolments: string[] = [];
    for (const officer of officers) enrolments.push(await enrol(t, hr, courseId, officer.id));

    // Sessions held last week (the seminar routes only plan future ones): the trainer's with 4 seats, 3 booked,
    // two present or late and one absent; one cancelled (not counted); the second trainer's with 2 seats, one present.
    const session = async (trainerUser: string, capacity: number, status: string) => {
      const [row] = await t.sql<{ id: string }>(
        `INSERT INTO seminar_session (course_id, course_version_id, unit_id, trainer_user_id, starts_at, ends_at, address,
                                      capacity, language, status)
         VALUES ($1, $2, $3, $4, now() - interval '7 days', now() - interval '7 days' + interval '4 hours', 'Алматы',
                 $5, 'ru', $6) RETURNING id`,
        [courseId, course.versionId, bost, trainerUser, capacity, status],
      );
      return row.id;
    };
    const book = async (sessionId: string, index: number, attendance: string | null) => {
      const [booking] = await t.sql<{ id: string }>(
        `INSERT INTO seminar_booking (session_id, officer_id, course_id, enrollment_id, status)
         VALUES ($1, $2, $3, $4, 'closed') RETURNING id`,
        [sessionId, officers[index].id, courseId, enrolments[index]],
      );
      if (attendance)
        await t.sql(
          `INSERT INTO seminar_attendance (booking_id, session_id, officer_id, status, hours) VALUES ($1, $2, $3, $4, 4)`,
          [booking.id, sessionId, officers[index].id, attendance],
        );
    };
    const held = await session(trainerId, 4, 'completed');
    await book(held, 0, 'present');
    await book(held, 1, 'late');
    await book(held, 2, 'absent');
    await session(trainerId, 10, 'cancelled');
    await book(await session(secondId, 2, 'completed'), 0, 'present');

    // Role-plays scored by the trainer: one full marks (pass), one low (fail).
    const assess = (enrolment: string, first: number, next: number) =>
      api(trainer)
        .post(`/enrollments/${enrolment}/practical-assessments`)
        .send({
          scores: [
            { criterionId: criteria[0], score: first },
            { criterionId: criteria[1], score: next },
          ],
          comment: '=HYPERLINK("x")',
        })
        .expect(201);
    await assess(enrolments[0], 4, 5);
    await assess(enrolments[1], 1, 2);
  });
  afterAll(() => t.close());

  it('counts sessions, seats, attendance and role-play results per trainer and course for HR', async () => {
    const body = await report(hr);
    expect(body.ownOnly).toBe(false);
    expect(rowOf(body.rows, trainerId)).toMatchObject({
      sessions: 1,
      seats: 4,
      seatsFilled: 3,
      fillPercent: 75,
      attended: 2,
      attendancePercent: 66.7,
      assessments: 2,
      passed: 1,
      passPercent: 50,
      criteria: [
        expect.objectContaining({ criterionId: [...criteria].sort()[0] }),
        expect.objectContaining({ criterionId: [...criteria].sort()[1] }),
      ],
    });
    const averages = Object.fromEntries(rowOf(body.rows, trainerId)!.criteria.map((c) => [c.criterionId, c]));
    expect(averages[criteria[0]]).toMatchObject({ average: 2.5, count: 2, maxScore: 4 });
    expect(averages[criteria[1]]).toMatchObject({ average: 3.5, count: 2, maxScore: 5 });
    expect(rowOf(body.rows, secondId)).toMatchObject({
      sessions: 1,
      seats: 2,
      seatsFilled: 1,
      attended: 1,
      attendancePercent: 100,
      assessments: 0,
      passPercent: null,
      criteria: [],
    });
  });

  it('shows a trainer only their own sessions and assessments, and HR elsewhere nothing of Almaty', async () => {
    const own = await report(second);
    expect(own.ownOnly).toBe(true);
    expect(own.rows.every((row) => row.trainerUserId === secondId)).toBe(true);
    expect(rowOf(own.rows, secondId)).toMatchObject({ sessions: 1 });
    expect(rowOf((await report(hrAstana)).rows, trainerId)).toBeUndefined();
    expect((await api(hrAstana).get(`/reports/trainers?unitId=${await unitId(t, 'ALM')}`)).status).toBe(404);
  });

  it('exports the rows as CSV and XLSX in Russian, numbers with a comma', async () => {
    const csv = await api(hr).get('/reports/trainers?format=csv&lang=ru');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines: string[][] = parse(csv.text.replace(/^\uFEFF/, ''), { delimiter: ';' });
    expect(lines[0]).toContain('Посещаемость, %');
    const line = lines.find((cells) => cells.some((cell) => cell.startsWith('T-REPORT')) && cells.includes('75,0'));
    expect(line).toBeDefined();
    expect(line).toContain('66,7');
    expect(line!.join(' ')).toContain('2,5/4');

    const xlsx = await api(hr).get('/reports/trainers?format=xlsx&lang=kk').buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as Parameters<typeof book.xlsx.load>[0]);
    expect(book.worksheets[0].rowCount).toBeGreaterThan(1);

    const pdf = await api(hr).get('/reports/trainers?format=pdf&lang=kk').buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdfText(pdf.body as Buffer)).toContain('Тренерлер бойынша есеп');
    // Kept for a person to look at (pdftoppm -png): test/artifacts is not committed.
    mkdirSync('test/artifacts/kk', { recursive: true });
    writeFileSync('test/artifacts/kk/trainers.pdf', pdf.body as Buffer);
  });

  it('refuses an empty period and an unknown format with 422', async () => {
    expectProblem(await api(hr).get('/reports/trainers?from=2026-06-01T00:00:00Z&to=2026-05-01T00:00:00Z'), 422);
    expectProblem(await api(hr).get('/reports/trainers?format=docx'), 422);
  });
});
