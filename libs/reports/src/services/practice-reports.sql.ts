import { REPORT_ROWS } from './compliance.sql';

/**
 * Drill coverage per row of a report on unit `$1` between `$2` and `$3`: the
 * active officers serving there now, those of them who took part in a drill in
 * the period, the drills held in its units and the weeks (in the unit's time
 * zone) in which at least one was held. Each count is aggregated on its own,
 * then joined to the rows.
 */
export const DRILL_COVERAGE_SQL = `
WITH ${REPORT_ROWS},
officers AS (
  SELECT ur.row_id, count(*)::int AS officers
  FROM officer o JOIN unit_row ur ON ur.unit_id = o.unit_id
  WHERE o.status = 'active' GROUP BY ur.row_id
),
took_part AS (
  SELECT ur.row_id, count(DISTINCT x.officer_id)::int AS participants
  FROM drill_session s JOIN drill_participant x ON x.session_id = s.id
  JOIN officer o ON o.id = x.officer_id AND o.status = 'active'
  JOIN unit_row ur ON ur.unit_id = o.unit_id
  WHERE s.held_at >= $2 AND s.held_at < $3 GROUP BY ur.row_id
),
held AS (
  SELECT ur.row_id, count(*)::int AS sessions,
         count(DISTINCT date_trunc('week', s.held_at AT TIME ZONE u.timezone))::int AS weeks_with_drill
  FROM drill_session s JOIN unit u ON u.id = s.unit_id JOIN unit_row ur ON ur.unit_id = s.unit_id
  WHERE s.held_at >= $2 AND s.held_at < $3 GROUP BY ur.row_id
)
SELECT r.id AS unit_id, u.code AS unit_code, u.name AS unit_name, r.own,
       coalesce(o.officers, 0) AS officers, coalesce(t.participants, 0) AS participants,
       coalesce(h.sessions, 0) AS sessions, coalesce(h.weeks_with_drill, 0) AS weeks_with_drill
FROM report_row r JOIN unit u ON u.id = r.id
LEFT JOIN officers o ON o.row_id = r.id LEFT JOIN took_part t ON t.row_id = r.id LEFT JOIN held h ON h.row_id = r.id
ORDER BY r.own DESC, u.code`;

/** The weeks of the subtree of `$1` (unit paths `LIKE $4`) between `$2` and `$3` with at least one drill held. */
export const DRILL_WEEKS_SQL = `
SELECT count(DISTINCT date_trunc('week', s.held_at AT TIME ZONE u.timezone))::int AS weeks
FROM drill_session s JOIN unit u ON u.id = s.unit_id
WHERE u.path LIKE $1 AND s.held_at >= $2 AND s.held_at < $3`;

/**
 * Role-play results per scenario (all revisions of a code together) for
 * officers serving in the subtree `LIKE $1`, scored between `$2` and `$3`,
 * optionally of one course (`$4`, null for all): every current scenario of the
 * bank, with or without results, and any retired one that has them.
 */
export const SCENARIO_RESULTS_SQL = `
WITH results AS (
  SELECT sc.code, count(*)::int AS assessments, count(*) FILTER (WHERE p.passed)::int AS passed,
         round(avg(p.score), 1)::float AS average_score,
         count(*) FILTER (WHERE cardinality(p.auto_fail) > 0)::int AS auto_failed,
         count(DISTINCT e.officer_id)::int AS officers
  FROM practical_assessment p JOIN scenario sc ON sc.id = p.scenario_id
  JOIN enrollment e ON e.id = p.enrollment_id JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id
  WHERE u.path LIKE $1 AND p.assessed_at >= $2 AND p.assessed_at < $3
  GROUP BY sc.code
),
latest AS (
  SELECT DISTINCT ON (sc.code) sc.code, sc.id, sc.title, sc.course_id, sc.trust_factors, sc.retired_at
  FROM scenario sc ORDER BY sc.code, sc.revision DESC
)
SELECT l.code, l.id AS scenario_id, l.title, c.code AS course_code, l.trust_factors,
       coalesce(r.assessments, 0) AS assessments, coalesce(r.passed, 0) AS passed, r.average_score,
       coalesce(r.auto_failed, 0) AS auto_failed, coalesce(r.officers, 0) AS officers
FROM latest l JOIN course c ON c.id = l.course_id LEFT JOIN results r ON r.code = l.code
WHERE (l.retired_at IS NULL OR r.code IS NOT NULL) AND ($4::uuid IS NULL OR l.course_id = $4)
ORDER BY c.code, l.code`;
