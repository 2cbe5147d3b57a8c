/**
 * Does officer `o` (in unit `u`) belong to rule `r`'s audience? Empty lists
 * mean "any"; units mean their whole subtrees (by their current paths, so a
 * moved unit carries its officers along). Used by materialisation and by the
 * check that withdraws officers who left every audience.
 */
export const AUDIENCE_MATCH = `(
  (cardinality(r.unit_ids) = 0 OR EXISTS (SELECT 1 FROM unit au WHERE au.id = ANY(r.unit_ids) AND u.path LIKE au.path || '%'))
  AND (cardinality(r.service_types) = 0 OR o.service_type = ANY(r.service_types))
  AND (cardinality(r.ranks) = 0 OR o.rank = ANY(r.ranks))
  AND (cardinality(r.positions) = 0 OR o.position = ANY(r.positions)))`;

/** What the API calls `overdue` is an open enrolment past its due time; it is never stored. */
export const EFFECTIVE_STATUS = `CASE WHEN e.status IN ('assigned', 'in_progress') AND e.due_at IS NOT NULL AND e.due_at <= now()
  THEN 'overdue' ELSE e.status END`;

/** A fixed due date means the end of that day in Almaty (stored as the next midnight there, in UTC). */
export const DUE_AT = `coalesce(((r.due_date + 1)::timestamp AT TIME ZONE 'Asia/Almaty'), now() + make_interval(days => r.due_in_days))`;

/**
 * A course is already taken care of for an officer when an enrolment is open,
 * completed and still valid, or exempted.
 */
export const ALREADY_COVERED = `EXISTS (SELECT 1 FROM enrollment x WHERE x.officer_id = o.id AND x.course_id = c.course_id
  AND (x.status IN ('assigned', 'in_progress', 'exempted')
       OR (x.status = 'completed' AND (x.expires_at IS NULL OR x.expires_at > now()))))`;
