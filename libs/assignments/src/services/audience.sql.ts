/**
 * Does unit `u` lie in rule `r`'s audience units? Empty means "any"; units
 * mean their whole subtrees (by their current paths, so a moved unit carries
 * its officers along).
 */
export const UNIT_MATCH = `(cardinality(r.unit_ids) = 0
  OR EXISTS (SELECT 1 FROM unit au WHERE au.id = ANY(r.unit_ids) AND u.path LIKE au.path || '%'))`;

/** Does officer `o` have the service type, rank and position rule `r` asks for? Empty lists mean "any". */
export const OFFICER_MATCH = `((cardinality(r.service_types) = 0 OR o.service_type = ANY(r.service_types))
  AND (cardinality(r.ranks) = 0 OR o.rank = ANY(r.ranks))
  AND (cardinality(r.positions) = 0 OR o.position = ANY(r.positions)))`;

/**
 * Does officer `o` (in unit `u`) belong to rule `r`'s audience? Used by the
 * check that withdraws officers who left every audience; materialisation
 * matches units first (a few hundred) and officers by unit after.
 */
export const AUDIENCE_MATCH = `(${UNIT_MATCH} AND ${OFFICER_MATCH})`;

/** What the API calls `overdue` is an open enrolment past its due time; it is never stored. */
export const EFFECTIVE_STATUS = `CASE WHEN e.status IN ('assigned', 'in_progress') AND e.due_at IS NOT NULL AND e.due_at <= now()
  THEN 'overdue' ELSE e.status END`;

/** A fixed due date means the end of that day in Almaty (stored as the next midnight there, in UTC). */
export const DUE_AT = `coalesce(((r.due_date + 1)::timestamp AT TIME ZONE 'Asia/Almaty'), now() + make_interval(days => r.due_in_days))`;

/**
 * Inserts enrolments for the rows of a `target` CTE (officer_id, course_id,
 * rule_id, order_id, due_at) written by the caller before this text, skipping
 * officers for whom the course is already taken care of (an enrolment open,
 * completed and still valid, or exempted). What exists is read once, in a
 * materialised CTE, before anything is inserted: per-row subqueries against
 * the table being filled would make a large rule quadratic. Returns `count`.
 *
 * A refresher (`target` also carries `reason` and `reason_detail`) is a new
 * cycle despite a valid completion or an exemption: only an open enrolment
 * of the course covers it.
 */
function insertNewEnrolments(refresher: boolean): string {
  const covering = refresher
    ? `x.status IN ('assigned', 'in_progress')`
    : `x.status IN ('assigned', 'in_progress', 'exempted')
                 OR (x.status = 'completed' AND (x.expires_at IS NULL OR x.expires_at > now()))`;
  const [columns, values] = refresher ? [', reason, reason_detail', ', t.reason, t.reason_detail'] : ['', ''];
  return `,
prior AS MATERIALIZED (
  SELECT x.officer_id, x.course_id, max(x.cycle) AS max_cycle,
         bool_or(${covering}) AS covered
  FROM enrollment x
  WHERE x.course_id IN (SELECT DISTINCT course_id FROM target) AND x.officer_id IN (SELECT officer_id FROM target)
  GROUP BY x.officer_id, x.course_id
),
inserted AS (
  INSERT INTO enrollment (officer_id, course_id, cycle, rule_id, order_id, status, assigned_at, due_at, assigned_by${columns})
  SELECT t.officer_id, t.course_id, coalesce(p.max_cycle, 0) + 1, t.rule_id, t.order_id, 'assigned', now(), t.due_at, t.assigned_by${values}
  FROM target t LEFT JOIN prior p ON p.officer_id = t.officer_id AND p.course_id = t.course_id
  WHERE p.covered IS NOT TRUE
  ON CONFLICT DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS count FROM inserted`;
}

export const INSERT_NEW_ENROLMENTS = insertNewEnrolments(false);
export const INSERT_REFRESHER_ENROLMENTS = insertNewEnrolments(true);
