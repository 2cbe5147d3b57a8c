import { isRootPath } from '@lms/core';

/**
 * Where an enrolment stood at `$2` (asOf), as a rank: when an officer has
 * several enrolments in scope, the highest rank is the officer's state, so an
 * officer counts as completed only when nothing is left open. Open means not
 * completed, exempted or withdrawn by asOf; overdue is open and due by asOf.
 */
export const RANK_AT_AS_OF = `CASE
    WHEN e.status = 'completed' AND e.completed_at <= $2 THEN 2
    WHEN e.status = 'exempted' AND e.closed_at <= $2 THEN 1
    WHEN e.due_at <= $2 THEN 5
    WHEN e.started_at <= $2 THEN 4
    ELSE 3 END`;

/** The ranks above, by name. */
export const RANK = { exempted: 1, completed: 2, notStarted: 3, inProgress: 4, overdue: 5 } as const;

/**
 * Keeps enrolments to officers serving in the subtree whose path prefix is
 * parameter `n`: lets the planner read only their enrolments (by index) for a
 * district, where aggregating everything first would cost the whole table.
 */
export const inSubtree = (n: number) =>
  `e.officer_id IN (SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id WHERE u.path LIKE $${n})`;

/**
 * The enrolments a report counts, as a SQL condition on `e` whose parameters
 * are appended to `params`: the course, the order (its own enrolments, and
 * its courses taken under any order: an officer who already holds a valid
 * completion is not enrolled again, yet complies) and the subtree.
 */
export function enrolmentFilter(
  spec: { unit: { path: string }; order?: { id: string } | null },
  courseId: string | null,
  orderCourses: string[],
  params: unknown[],
): string {
  const filters: string[] = [];
  if (courseId) {
    params.push(courseId);
    filters.push(`e.course_id = $${params.length}`);
  }
  if (spec.order) {
    params.push(spec.order.id, orderCourses);
    filters.push(`(e.order_id = $${params.length - 1} OR e.course_id = ANY($${params.length}::uuid[]))`);
  }
  if (!isRootPath(spec.unit.path)) {
    // At the root every officer is in scope: the filter would only cost a join.
    params.push(spec.unit.path + '%');
    filters.push(inSubtree(params.length));
  }
  return filters.join(' AND ') || 'TRUE';
}

/**
 * The rows of a report on unit `$1`, as CTEs every per-unit report shares:
 * `report_row` is each child of the unit (for its whole subtree) and the unit
 * itself (`own`: what is placed directly in it); `unit_row` maps every unit of
 * the subtree to its row, matched by path prefix once, at the unit level.
 */
export const REPORT_ROWS = `root AS (SELECT id, path FROM unit WHERE id = $1),
report_row AS (
  SELECT c.id, c.path, false AS own FROM unit c JOIN root ON c.parent_id = root.id
  UNION ALL
  SELECT root.id, root.path, true FROM root
),
unit_row AS MATERIALIZED (
  SELECT u.id AS unit_id, r.id AS row_id
  FROM root JOIN unit u ON u.path LIKE root.path || '%'
  JOIN report_row r ON CASE WHEN r.own THEN u.id = r.id ELSE u.path LIKE r.path || '%' END
)`;

/** The state columns of `counts`, over the officer states `s` matching `which`, named with `prefix`. */
const stateCounts = (which: string, prefix: string) => `
         count(*) FILTER (WHERE ${which})::int AS ${prefix}in_audience,
         count(*) FILTER (WHERE ${which} AND s.rank = ${RANK.completed})::int AS ${prefix}completed,
         count(*) FILTER (WHERE ${which} AND s.rank = ${RANK.inProgress})::int AS ${prefix}in_progress,
         count(*) FILTER (WHERE ${which} AND s.rank = ${RANK.notStarted})::int AS ${prefix}not_started,
         count(*) FILTER (WHERE ${which} AND s.rank = ${RANK.overdue})::int AS ${prefix}overdue,
         count(*) FILTER (WHERE ${which} AND s.rank = ${RANK.exempted})::int AS ${prefix}exempted`;

const COLUMNS = ['in_audience', 'completed', 'in_progress', 'not_started', 'overdue', 'exempted'];
const ALL_COLUMNS = [...COLUMNS, ...COLUMNS.map((column) => `refresher_${column}`)];

/**
 * The compliance report in one statement. `$1` is the report unit, `$2` the
 * asOf instant; `enrolmentFilter` narrows enrolments to the courses, order and
 * subtree in scope (its parameters follow). Each officer's enrolments are
 * folded into one state first (a single pass over the enrolments, before any
 * join), then officers are counted per row: the unit's children, each for its
 * whole subtree, and the unit itself for officers placed directly in it; the
 * total is the whole subtree (GROUPING SETS). Units are matched to rows by
 * path prefix once, at the unit level. Officers count where they serve now.
 *
 * Refreshers after a complaint (`e.reason`) are folded apart in the same
 * pass and counted in their own `refresher_*` columns: a refresher never
 * makes an officer who complied with the order count as outstanding.
 */
export function complianceSql(enrolmentFilter: string): string {
  return `
WITH ${REPORT_ROWS},
officer_state AS (
  SELECT e.officer_id, e.reason IS NOT NULL AS refresher, max(${RANK_AT_AS_OF}) AS rank
  FROM enrollment e
  WHERE e.assigned_at <= $2
    AND NOT (e.status = 'withdrawn' AND e.closed_at <= $2)
    AND ${enrolmentFilter}
  GROUP BY e.officer_id, e.reason IS NOT NULL
),
counts AS (
  SELECT ur.row_id, grouping(ur.row_id) = 1 AS is_total,${stateCounts('NOT s.refresher', '')},${stateCounts('s.refresher', 'refresher_')}
  FROM officer_state s
  JOIN officer o ON o.id = s.officer_id
  JOIN unit_row ur ON ur.unit_id = o.unit_id
  GROUP BY GROUPING SETS ((ur.row_id), ())
)
SELECT r.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.names AS unit_names, r.own, false AS is_total,
       ${ALL_COLUMNS.map((column) => `coalesce(c.${column}, 0) AS ${column}`).join(', ')}
FROM report_row r JOIN unit u ON u.id = r.id LEFT JOIN counts c ON c.row_id = r.id AND NOT c.is_total
UNION ALL
SELECT NULL, NULL, NULL, NULL, NULL, true, ${ALL_COLUMNS.join(', ')}
FROM counts WHERE is_total
ORDER BY is_total, own DESC, unit_code`;
}
