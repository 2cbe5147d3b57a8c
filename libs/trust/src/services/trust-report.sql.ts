/**
 * The trust indicators of a subtree in one statement: each child unit is a
 * row and the subtree itself the total (`is_total`), each source (officers,
 * feedback, complaints, enrolments) aggregated on its own per row through
 * the path prefix, then joined, so no source multiplies another's rows.
 * Read-only across personnel and assignments; the feedback and complaints
 * are ours. Parameters: $1 the unit, $2 first day, $3 last day (Asia/Almaty).
 */
export const TRUST_REPORT_SQL = `
WITH bounds AS (
  SELECT ($2::date)::timestamp AT TIME ZONE 'Asia/Almaty' AS since, ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Almaty' AS until
),
kids AS (SELECT id, code, name, path, false AS is_total FROM unit WHERE parent_id = $1),
rows AS (
  SELECT * FROM kids
  UNION ALL SELECT id, code, name, path, true FROM unit WHERE id = $1
),
officers AS (
  SELECT r.id, r.is_total, count(*)::int AS n
  FROM rows r JOIN unit u ON u.path LIKE r.path || '%' JOIN officer o ON o.unit_id = u.id AND o.status <> 'dismissed'
  GROUP BY r.id, r.is_total
),
feedback AS (
  SELECT r.id, r.is_total, count(*)::int AS n, sum(f.courtesy)::int AS courtesy, sum(f.clarity)::int AS clarity,
         sum(f.fairness)::int AS fairness, count(*) FILTER (WHERE f.trust_change = 1)::int AS raised,
         count(*) FILTER (WHERE f.trust_change = -1)::int AS lowered
  FROM rows r JOIN unit u ON u.path LIKE r.path || '%' JOIN citizen_feedback f ON f.unit_id = u.id, bounds b
  WHERE f.submitted_at >= b.since AND f.submitted_at < b.until
  GROUP BY r.id, r.is_total
),
complaints AS (
  SELECT r.id, r.is_total, count(*)::int AS n,
         count(*) FILTER (WHERE c.outcome = 'substantiated')::int AS substantiated,
         count(*) FILTER (WHERE c.category = 'rudeness')::int AS rudeness,
         count(*) FILTER (WHERE c.category = 'corruption')::int AS corruption,
         count(*) FILTER (WHERE c.category = 'inaction')::int AS inaction,
         count(*) FILTER (WHERE c.category = 'unlawful_force')::int AS unlawful_force,
         count(*) FILTER (WHERE c.category = 'other')::int AS other
  FROM rows r JOIN unit u ON u.path LIKE r.path || '%' JOIN complaint c ON c.unit_id = u.id
  WHERE c.received_on BETWEEN $2::date AND $3::date
  GROUP BY r.id, r.is_total
),
training AS (
  SELECT r.id, r.is_total,
         count(*) FILTER (WHERE e.status = 'completed' AND e.completed_at < b.until)::int AS done,
         count(*)::int AS due
  FROM rows r JOIN unit u ON u.path LIKE r.path || '%' JOIN officer o ON o.unit_id = u.id
  JOIN enrollment e ON e.officer_id = o.id, bounds b
  WHERE e.status NOT IN ('withdrawn', 'exempted') AND e.reason IS NULL AND e.assigned_at < b.until
  GROUP BY r.id, r.is_total
)
SELECT r.id, r.code, r.name, r.is_total,
       coalesce(o.n, 0) AS officers,
       coalesce(f.n, 0) AS responses, f.courtesy, f.clarity, f.fairness, f.raised, f.lowered,
       coalesce(c.n, 0) AS complaints, coalesce(c.substantiated, 0) AS substantiated,
       coalesce(c.rudeness, 0) AS rudeness, coalesce(c.corruption, 0) AS corruption, coalesce(c.inaction, 0) AS inaction,
       coalesce(c.unlawful_force, 0) AS unlawful_force, coalesce(c.other, 0) AS other,
       coalesce(t.done, 0) AS done, coalesce(t.due, 0) AS due
FROM rows r
LEFT JOIN officers o ON o.id = r.id AND o.is_total = r.is_total
LEFT JOIN feedback f ON f.id = r.id AND f.is_total = r.is_total
LEFT JOIN complaints c ON c.id = r.id AND c.is_total = r.is_total
LEFT JOIN training t ON t.id = r.id AND t.is_total = r.is_total
ORDER BY r.is_total, r.code`;

/**
 * Only the subtree's totals that HR's dashboard shows beside completion:
 * officers, feedback and complaints, each counted once over the subtree's
 * units (no per-unit rows, no training column). The same conditions as the
 * report's total row above. Parameters as above.
 */
export const TRUST_SUMMARY_SQL = `
WITH bounds AS (
  SELECT ($2::date)::timestamp AT TIME ZONE 'Asia/Almaty' AS since, ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Almaty' AS until
),
sub AS (SELECT u.id FROM unit u WHERE u.path LIKE (SELECT path FROM unit WHERE id = $1) || '%')
SELECT (SELECT count(*)::int FROM officer o WHERE o.unit_id IN (SELECT id FROM sub) AND o.status <> 'dismissed') AS officers,
       f.responses, f.courtesy, f.clarity, f.fairness, f.raised, f.lowered,
       (SELECT count(*)::int FROM complaint c
        WHERE c.unit_id IN (SELECT id FROM sub) AND c.received_on BETWEEN $2::date AND $3::date) AS complaints
FROM (
  SELECT count(*)::int AS responses, sum(f.courtesy)::int AS courtesy, sum(f.clarity)::int AS clarity,
         sum(f.fairness)::int AS fairness, count(*) FILTER (WHERE f.trust_change = 1)::int AS raised,
         count(*) FILTER (WHERE f.trust_change = -1)::int AS lowered
  FROM citizen_feedback f, bounds b
  WHERE f.unit_id IN (SELECT id FROM sub) AND f.submitted_at >= b.since AND f.submitted_at < b.until
) f`;

/**
 * Feedback before and after the officer's first completed course, for the
 * officers of the subtree who completed one. Parameters as above.
 */
export const BEFORE_AFTER_SQL = `
WITH bounds AS (
  SELECT ($2::date)::timestamp AT TIME ZONE 'Asia/Almaty' AS since, ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Almaty' AS until
),
firsts AS (
  SELECT e.officer_id, min(e.completed_at) AS completed_at
  FROM enrollment e JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id
  WHERE e.status = 'completed' AND u.path LIKE (SELECT path FROM unit WHERE id = $1) || '%'
  GROUP BY e.officer_id
),
scored AS (
  SELECT f.officer_id, f.submitted_at < x.completed_at AS before, (f.courtesy + f.clarity + f.fairness) / 3.0 AS score,
         (f.trust_change = 1)::int AS raised
  FROM citizen_feedback f JOIN firsts x ON x.officer_id = f.officer_id, bounds b
  WHERE f.submitted_at >= b.since AND f.submitted_at < b.until
)
SELECT count(DISTINCT officer_id)::int AS officers,
       count(*) FILTER (WHERE before)::int AS before_n, count(*) FILTER (WHERE NOT before)::int AS after_n,
       avg(score) FILTER (WHERE before) AS score_before, avg(score) FILTER (WHERE NOT before) AS score_after,
       100.0 * avg(raised) FILTER (WHERE before) AS raised_before, 100.0 * avg(raised) FILTER (WHERE NOT before) AS raised_after
FROM scored`;
