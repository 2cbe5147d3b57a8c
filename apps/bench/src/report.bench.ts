import { RequestContext } from '@lms/core';
import { ExecutionReportService } from '@lms/reports';
import { startBenchApi } from './bench-api';
import { BenchDatabase, openBenchDatabase, timed } from './bench-database';
import { createUnitTree } from './org-fixture';

const OFFICERS = 100_000;
const COURSES = 12;
const CALLS = 20;

/** 100,000 officers spread over the 1,800 sections, set-based (as in the assign benchmark). */
export async function createOfficers(db: BenchDatabase): Promise<void> {
  await db.sql(
    `WITH sections AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS total FROM unit WHERE code ~ '^B-\\d+-\\d+-\\d+$')
     INSERT INTO officer (personnel_number, full_name, rank, position, service_type, unit_id, status, language)
     SELECT 'B' || i, 'Офицер ' || i, 'капитан полиции', 'инспектор',
            (ARRAY['patrol', 'district_inspector', 'traffic', 'juvenile', 'other'])[1 + i % 5],
            s.id, 'active', CASE WHEN i % 2 = 0 THEN 'kk' ELSE 'ru' END
     FROM generate_series(0, $1 - 1) AS i JOIN sections s ON s.n = i % s.total`,
    [OFFICERS],
  );
}

/**
 * 12 courses × 100,000 officers = 1.2 million enrolments, one statement. A
 * deterministic hash per pair spreads them: 45% completed, 15% in progress,
 * 35% assigned, 3% exempted, 2% withdrawn; assigned over the last 330 days,
 * due 60 days later, so many open ones are overdue. A third execute the order.
 */
export async function createEnrolments(db: BenchDatabase, orderId: string): Promise<void> {
  await db.sql(
    `INSERT INTO course (code, title) SELECT 'RB-' || n, jsonb_build_object('kk', 'Курс ' || n, 'ru', 'Курс ' || n)
     FROM generate_series(1, $1) AS n`,
    [COURSES],
  );
  await db.sql(
    `WITH pair AS (
       SELECT o.id AS officer_id, c.id AS course_id, c.n,
              abs(hashtext(o.personnel_number || '/' || c.code)) % 1000 AS r,
              now() - make_interval(days => 30 + abs(hashtext(c.code || '/' || o.personnel_number)) % 300) AS assigned_at
       FROM officer o CROSS JOIN (SELECT id, code, row_number() OVER (ORDER BY code) AS n FROM course WHERE code LIKE 'RB-%') c
     )
     INSERT INTO enrollment (officer_id, course_id, cycle, order_id, status, assigned_at, due_at, started_at, completed_at,
                             closed_at, closed_reason)
     SELECT officer_id, course_id, 1, CASE WHEN n % 3 = 0 THEN $1::uuid END,
            CASE WHEN r < 450 THEN 'completed' WHEN r < 600 THEN 'in_progress' WHEN r < 950 THEN 'assigned'
                 WHEN r < 980 THEN 'exempted' ELSE 'withdrawn' END,
            assigned_at, assigned_at + interval '60 days',
            CASE WHEN r < 600 THEN assigned_at + interval '5 days' END,
            CASE WHEN r < 450 THEN assigned_at + make_interval(days => 10 + r % 80) END,
            CASE WHEN r >= 950 THEN assigned_at + interval '7 days' END,
            CASE WHEN r >= 950 THEN 'bench' END
     FROM pair`,
    [orderId],
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * `only`: `compliance` measures the compliance report alone, `documents` the
 * drill-down and the frozen execution report alone (same data either way).
 */
export async function reportBench(
  options: { only?: 'compliance' | 'documents' } = {},
): Promise<Record<string, number | string>> {
  const db = await openBenchDatabase();
  try {
    await createUnitTree(db);
    await createOfficers(db);
    const [root] = await db.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'B'`);
    const [order] = await db.sql<{ id: string }>(
      `INSERT INTO ministry_order (number, date, title, unit_id) VALUES ('B-1', current_date, 'Bench order', $1) RETURNING id`,
      [root.id],
    );
    const fill = await timed(() => createEnrolments(db, order.id));
    await db.sql('VACUUM ANALYZE');
    const [{ total }] = await db.sql<{ total: number }>('SELECT count(*)::int AS total FROM enrollment');
    const [region] = await db.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'B-7'`);
    const [district] = await db.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'B-7-3'`);
    const [course] = await db.sql<{ id: string }>(`SELECT id FROM course WHERE code = 'RB-5'`);

    // A national trainer (no second factor by policy) reads reports over HTTP.
    const api = await startBenchApi(db, { username: 'bench.trainer', grant: { role: 'trainer', unitId: root.id } });
    const { base, token: accessToken } = api;
    try {
      /** Median of CALLS requests after two warm-up calls; the last body for a sanity check. */
      const measure = async (query: string) => {
        const times: number[] = [];
        let body: { total?: { inAudience: number }; rows?: unknown[]; bytes?: number } = {};
        for (let i = 0; i < CALLS + 2; i++) {
          const { ms, result } = await timed(async () => {
            const res = await fetch(`${base}/reports/compliance?${query}`, {
              headers: { authorization: `Bearer ${accessToken}` },
            });
            if (res.status !== 200)
              throw new Error(`GET /reports/compliance?${query}: ${res.status} ${await res.text()}`);
            if (query.includes('format=')) return { bytes: (await res.arrayBuffer()).byteLength };
            return (await res.json()) as typeof body;
          });
          if (i >= 2) times.push(ms);
          body = result;
        }
        return { ms: median(times), body };
      };
      const compliance = async () => {
        const national = await measure('');
        const byCourse = await measure(`courseId=${course.id}`);
        const byOrder = await measure(`orderId=${order.id}`);
        const past = await measure(`asOf=${new Date(Date.now() - 120 * 86_400_000).toISOString()}`);
        const regional = await measure(`unitId=${region.id}`);
        const local = await measure(`unitId=${district.id}`);
        const xlsx = await measure('format=xlsx');
        const pdf = await measure('format=pdf');
        return {
          'national: rows / in audience': `${national.body.rows?.length} / ${national.body.total?.inAudience}`,
          'national, all courses (ms)': +national.ms.toFixed(0),
          'national, one course (ms)': +byCourse.ms.toFixed(0),
          'national, one order (ms)': +byOrder.ms.toFixed(0),
          'national, asOf 120 days ago (ms)': +past.ms.toFixed(0),
          'one region (ms)': +regional.ms.toFixed(0),
          'one district (ms)': +local.ms.toFixed(0),
          'national as XLSX (ms)': +xlsx.ms.toFixed(0),
          'national as PDF (ms)': +pdf.ms.toFixed(0),
        };
      };
      const documents = async () => {
        /** Median of CALLS GETs of `path` after two warm-up calls. */
        const medianOf = async (path: string) => {
          const times: number[] = [];
          let total = 0;
          for (let i = 0; i < CALLS + 2; i++) {
            const { ms, result } = await timed(async () => {
              const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
              if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
              return (await res.json()) as { total: number };
            });
            if (i >= 2) times.push(ms);
            total = result.total;
          }
          return { ms: median(times), total };
        };
        const drill = await medianOf(
          `/reports/compliance/officers?unitId=${district.id}&orderId=${order.id}&status=overdue&limit=500`,
        );
        // HR of a region freezes the order's report (officer lists included) and downloads it as PDF.
        const frozen = await timed(async () => {
          const created = await timed(() =>
            db.app.get(ExecutionReportService).create(RequestContext.system(), order.id, { unitId: region.id }),
          );
          const pdf = await timed(async () => {
            const res = await fetch(`${base}/execution-reports/${created.result.id}?format=pdf&lang=kk`, {
              headers: { authorization: `Bearer ${accessToken}` },
            });
            if (res.status !== 200) throw new Error(`PDF: ${res.status} ${await res.text()}`);
            return (await res.arrayBuffer()).byteLength;
          });
          return { created, pdf };
        });
        const [{ officers: regionOfficers }] = await db.sql<{ officers: number }>(
          `SELECT jsonb_array_length(content->'officers'->'completed') + jsonb_array_length(content->'officers'->'outstanding') AS officers
           FROM report_snapshot WHERE id = $1`,
          [frozen.result.created.result.id],
        );
        return {
          'drill-down, one district’s overdue officers (ms)': +drill.ms.toFixed(1),
          'drill-down: officers listed': drill.total,
          'region execution report: officers named': regionOfficers,
          'freeze a region’s execution report + download its PDF (ms)': +frozen.ms.toFixed(0),
          'of which freezing (ms)': +frozen.result.created.ms.toFixed(0),
          'of which the first PDF download (ms)': +frozen.result.pdf.ms.toFixed(0),
          'PDF size (KB)': Math.round(frozen.result.pdf.result / 1024),
        };
      };
      return {
        officers: OFFICERS,
        'enrolments in table': total,
        'generate enrolments (s)': +(fill.ms / 1000).toFixed(1),
        ...(options.only === 'documents' ? {} : await compliance()),
        ...(options.only === 'compliance' ? {} : await documents()),
      };
    } finally {
      await api.close();
    }
  } finally {
    await db.close();
  }
}
