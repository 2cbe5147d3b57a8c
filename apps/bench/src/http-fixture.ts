import { RuleService } from '@lms/assignments';
import { CourseDocumentService } from '@lms/catalogue';
import { RequestContext } from '@lms/core';
import { DemoSeeder } from '@lms/demo';
import { PasswordService } from '@lms/identity';
import { BenchDatabase } from './bench-database';
import { createUnitTree } from './org-fixture';
import { createOfficers } from './report.bench';

export const BENCH_PASSWORD = 'Bench-user-password-2026';

/** Who the load signs in as, and what each may open. */
export interface HttpFixture {
  officers: { username: string; enrollmentIds: string[]; versionIds: string[]; quizEnrollmentId: string }[];
  hr: { username: string; districtId: string }[];
  trainers: { username: string }[];
}

const text = (s: string) => ({ kk: `${s} (kk)`, ru: `${s} (ru)`, en: s });

/** A published course of three lessons and a quiz of unlimited attempts without a time limit. */
async function publishCourse(db: BenchDatabase, code: string, quiz: boolean): Promise<string> {
  const version = await db.app.get(CourseDocumentService).import(
    RequestContext.system(),
    {
      format: 'lms-course-version/1',
      course: { code, title: text(code) },
      version: {
        lessons: [1, 2, 3].map((n) => ({
          title: text(`${code} lesson ${n}`),
          body: text(`Lesson ${n} of ${code}. `.repeat(40)),
        })),
        ...(quiz
          ? {
              quiz: {
                questions: [1, 2, 3, 4, 5, 6].map((n) => ({
                  text: text(`Question ${n}`),
                  multiple: false,
                  options: ['A', 'B', 'C'].map((letter) => ({ text: text(letter), correct: letter === 'A' })),
                })),
                drawCount: 4,
                passMark: 75,
                timeLimitMinutes: null,
                maxAttempts: null,
              },
            }
          : {}),
        completionRule: { lessonsRead: true, quizPassed: quiz, practicalPassed: false, seminarAttended: false },
      },
    },
    true,
  );
  return version.courseId;
}

/** The national data set: 2,021 units, 100,000 officers, three courses and a quiz course assigned to everyone. */
export async function nationalData(db: BenchDatabase): Promise<void> {
  await createUnitTree(db);
  await createOfficers(db);
  await db.sql('ANALYZE');
  const rules = db.app.get(RuleService);
  for (const code of ['NAT-1', 'NAT-2', 'NAT-3']) {
    const courseId = await publishCourse(db, code, false);
    await rules.create(RequestContext.system(), { courseId, audience: {}, dueInDays: 60 });
  }
}

/** The demo organisation with its year of history (what `npm start` shows). */
export async function demoData(db: BenchDatabase): Promise<void> {
  await db.app.get(DemoSeeder).seed();
}

/**
 * On either data set: a quiz course assigned to everyone, then `officers`
 * officer accounts (active officers spread over the tree), a trainer per
 * two regions and an HR officer per region (up to 8), all with one password.
 * The second factor is not asked of anyone here (a bench has no phone).
 */
export async function benchAccounts(db: BenchDatabase, officers: number): Promise<HttpFixture> {
  const quizCourse = await publishCourse(db, 'BENCH-QUIZ', true);
  await db.app.get(RuleService).create(RequestContext.system(), { courseId: quizCourse, audience: {}, dueInDays: 30 });
  await db.sql('UPDATE role_policy SET mfa_required = false');
  await db.sql('ANALYZE');
  const hash = await db.app.get(PasswordService).hash(BENCH_PASSWORD);
  await db.sql(
    `WITH chosen AS (
       SELECT o.id, o.unit_id, row_number() OVER (ORDER BY md5(o.id::text)) AS n FROM officer o
       WHERE o.status = 'active' AND NOT EXISTS (SELECT 1 FROM user_account a WHERE a.officer_id = o.id)
       ORDER BY md5(o.id::text) LIMIT $2),
     account AS (
       INSERT INTO user_account (username, password_hash, officer_id)
       SELECT 'bench.officer.' || n, $1, id FROM chosen RETURNING id, officer_id)
     INSERT INTO user_role (user_id, role, unit_id)
     SELECT a.id, 'officer', c.unit_id FROM account a JOIN chosen c ON c.id = a.officer_id`,
    [hash, officers],
  );
  const regions = await db.sql<{ id: string; district_id: string }>(
    `SELECT r.id, (SELECT d.id FROM unit d WHERE d.parent_id = r.id ORDER BY d.code LIMIT 1) AS district_id
     FROM unit r JOIN unit root ON root.id = r.parent_id AND root.parent_id IS NULL
     WHERE EXISTS (SELECT 1 FROM unit d WHERE d.parent_id = r.id) ORDER BY r.code LIMIT 8`,
  );
  const staff = async (username: string, role: string, unitId: string) =>
    db.sql(
      `WITH account AS (INSERT INTO user_account (username, password_hash) VALUES ($1, $2) RETURNING id)
       INSERT INTO user_role (user_id, role, unit_id) SELECT id, $3, $4 FROM account`,
      [username, hash, role, unitId],
    );
  const hr: HttpFixture['hr'] = [];
  const trainers: HttpFixture['trainers'] = [];
  for (const [i, region] of regions.entries()) {
    await staff(`bench.hr.${i}`, 'hr', region.id);
    hr.push({ username: `bench.hr.${i}`, districtId: region.district_id });
    if (i % 2 === 0) {
      await staff(`bench.trainer.${i}`, 'trainer', region.id);
      trainers.push({ username: `bench.trainer.${i}` });
    }
  }
  const rows = await db.sql<{ username: string; enrollment_ids: string[]; version_ids: string[]; quiz: string }>(
    `SELECT a.username,
            array_agg(e.id ORDER BY e.assigned_at) AS enrollment_ids,
            array_agg(DISTINCT v.id) FILTER (WHERE v.id IS NOT NULL) AS version_ids,
            (array_agg(e.id) FILTER (WHERE e.course_id = $1 AND e.status IN ('assigned', 'in_progress')))[1] AS quiz
     FROM user_account a JOIN enrollment e ON e.officer_id = a.officer_id
     LEFT JOIN course_version v ON v.course_id = e.course_id AND v.status = 'published'
     WHERE a.username LIKE 'bench.officer.%'
     GROUP BY a.username ORDER BY a.username`,
    [quizCourse],
  );
  return {
    officers: rows
      .filter((row) => row.quiz !== null)
      .map((row) => ({
        username: row.username,
        enrollmentIds: row.enrollment_ids,
        versionIds: row.version_ids ?? [],
        quizEnrollmentId: row.quiz,
      })),
    hr,
    trainers,
  };
}
