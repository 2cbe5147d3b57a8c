import { AudienceDto, RuleService } from '@lms/assignments';
import { CourseDocumentService } from '@lms/catalogue';
import { RequestContext } from '@lms/core';
import { startBenchApi } from './bench-api';
import { BenchDatabase, openBenchDatabase, timed } from './bench-database';
import { createUnitTree } from './org-fixture';

const OFFICERS = 100_000;
const TARGET_ENROLMENTS = 1_200_000;

/** 100,000 officers over the sections; ~60% in the four external services. */
async function createOfficers(db: BenchDatabase): Promise<void> {
  await db.sql(
    `WITH sections AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS total FROM unit WHERE code ~ '^B-\\d+-\\d+-\\d+$')
     INSERT INTO officer (personnel_number, full_name, rank, position, service_type, unit_id, status, language)
     SELECT 'B' || i, 'Офицер ' || i, 'капитан полиции', 'инспектор',
            CASE WHEN i % 20 < 5 THEN 'patrol' WHEN i % 20 < 8 THEN 'district_inspector' WHEN i % 20 < 10 THEN 'traffic'
                 WHEN i % 20 < 12 THEN 'juvenile' ELSE 'other' END,
            s.id, 'active', CASE WHEN i % 2 = 0 THEN 'kk' ELSE 'ru' END
     FROM generate_series(0, $1 - 1) AS i JOIN sections s ON s.n = i % s.total`,
    [OFFICERS],
  );
}

async function publishCourse(db: BenchDatabase, code: string): Promise<string> {
  const t = { kk: code, ru: code, en: code };
  const version = await db.app.get(CourseDocumentService).import(
    RequestContext.system(),
    {
      format: 'lms-course-version/1',
      course: { code, title: t },
      version: {
        lessons: [{ title: t, body: t }],
        completionRule: { lessonsRead: true, quizPassed: false, practicalPassed: false, seminarAttended: false },
      },
    },
    true,
  );
  return version.courseId;
}

/**
 * What a hand-written statement would do for the same rule: enrol the active
 * officers of the given services in the course, skipping those it already
 * covers (open, completed and valid, or exempted) and numbering the next
 * cycle, in one INSERT ... SELECT. Returns how many were enrolled.
 */
async function plainEnrol(db: BenchDatabase, courseId: string, serviceTypes: string[]): Promise<number> {
  const [{ count }] = await db.sql<{ count: number }>(
    `WITH prior AS (
       SELECT officer_id, max(cycle) AS max_cycle,
              bool_or(status IN ('assigned', 'in_progress', 'exempted')
                      OR (status = 'completed' AND (expires_at IS NULL OR expires_at > now()))) AS covered
       FROM enrollment WHERE course_id = $1 GROUP BY officer_id),
     inserted AS (
       INSERT INTO enrollment (officer_id, course_id, cycle, status, assigned_at, due_at)
       SELECT o.id, $1, coalesce(p.max_cycle, 0) + 1, 'assigned', now(), now() + interval '60 days'
       FROM officer o LEFT JOIN prior p ON p.officer_id = o.id
       WHERE o.status = 'active' AND o.service_type = ANY($2::text[]) AND p.covered IS NOT TRUE
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS count FROM inserted`,
    [courseId, serviceTypes],
  );
  return count;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function assignBench(): Promise<Record<string, number | string>> {
  const db = await openBenchDatabase();
  try {
    await createUnitTree(db);
    await createOfficers(db);
    await db.sql('ANALYZE');
    const rules = db.app.get(RuleService);
    const ctx = RequestContext.system();
    const audience: AudienceDto = { serviceTypes: ['patrol', 'district_inspector', 'traffic', 'juvenile'] };
    const byRule = (courseId: string) => timed(() => rules.create(ctx, { courseId, audience, dueInDays: 60 }));
    // Side by side, in alternating order on fresh courses: the rule, and the plain statement doing the same.
    const fresh: string[] = [];
    for (const code of ['BENCH-1', 'PLAIN-1', 'PLAIN-2', 'BENCH-2']) fresh.push(await publishCourse(db, code));
    const rule = await byRule(fresh[0]);
    const plainFirst = await timed(() => plainEnrol(db, fresh[1], audience.serviceTypes!));
    const plainSecond = await timed(() => plainEnrol(db, fresh[2], audience.serviceTypes!));
    const ruleSecond = await byRule(fresh[3]);
    if (plainFirst.result !== rule.result.enrolled || ruleSecond.result.enrolled !== rule.result.enrolled) {
      throw new Error(`the rule enrolled ${rule.result.enrolled}, the plain statement ${plainFirst.result}`);
    }
    const ruleMs = (rule.ms + ruleSecond.ms) / 2;
    const plainMs = (plainFirst.ms + plainSecond.ms) / 2;
    const again = await timed(() => rules.rematerialize(ctx, rule.result.id));

    // Fill the table to 1.2 million enrolments over more courses, set-based.
    const courses: string[] = [];
    for (let i = 3; i <= 13; i++) courses.push(await publishCourse(db, `BENCH-${i}`));
    await db.sql(
      `INSERT INTO enrollment (officer_id, course_id, cycle, status, assigned_at, due_at)
       SELECT o.id, c.id, 1, 'assigned', now(), now() + interval '60 days'
       FROM officer o CROSS JOIN unnest($1::uuid[]) AS c(id)
       LIMIT $2`,
      [courses, TARGET_ENROLMENTS - 4 * rule.result.enrolled],
    );
    await db.sql('ANALYZE enrollment');
    const [{ total }] = await db.sql<{ total: number }>('SELECT count(*)::int AS total FROM enrollment');

    // GET /me/enrollments over HTTP for an officer with 13 enrolments.
    const [someone] = await db.sql<{ id: string }>(`SELECT id FROM officer WHERE personnel_number = 'B12345'`);
    const [{ unit_id: unitId }] = await db.sql<{ unit_id: string }>('SELECT unit_id FROM officer WHERE id = $1', [
      someone.id,
    ]);
    const api = await startBenchApi(db, {
      username: 'bench.officer',
      officerId: someone.id,
      grant: { role: 'officer', unitId },
    });
    const { base, token: accessToken } = api;
    try {
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < 220; i++) {
        const { ms, result } = await timed(async () => {
          const res = await fetch(`${base}/me/enrollments`, { headers: { authorization: `Bearer ${accessToken}` } });
          return (await res.json()) as { items: unknown[] };
        });
        if (i >= 20) times.push(ms); // the first requests warm caches and JIT
        items = result.items.length;
      }
      return {
        officers: OFFICERS,
        'officers matched by the rule': rule.result.enrolled,
        'create rule + enrol (s)': +(ruleMs / 1000).toFixed(2),
        'plain INSERT ... SELECT (s)': +(plainMs / 1000).toFixed(2),
        'ratio rule / plain': +(ruleMs / plainMs).toFixed(2),
        're-run, nothing to add (s)': +(again.ms / 1000).toFixed(3),
        'enrolments in table': total,
        'GET /me/enrollments median (ms)': +median(times).toFixed(1),
        'GET /me/enrollments p95 (ms)': +[...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)].toFixed(1),
        'items per response': items,
      };
    } finally {
      await api.close();
    }
  } finally {
    await db.close();
  }
}
