import { RANK, RANK_AT_AS_OF } from './compliance.sql';

/** An officer's state in a report, by name; the order of `RANK`. */
export const OUTCOME_STATES = ['completed', 'inProgress', 'notStarted', 'overdue', 'exempted'] as const;
export type OutcomeState = (typeof OUTCOME_STATES)[number];

/** The SQL rank of each state: the same fold as the compliance counts. */
export const STATE_RANK: Record<OutcomeState, number> = RANK;

/** Which enrolments a list is about: the ordinary assignments, or the refreshers after complaints. */
export const OUTCOME_REASONS = ['ordinary', 'complaint-refresher'] as const;
export type OutcomeReason = (typeof OUTCOME_REASONS)[number];

/** The SQL condition on `e` for a reason. */
export const reasonCondition = (reason: OutcomeReason) =>
  reason === 'ordinary' ? 'e.reason IS NULL' : `e.reason = 'complaint-refresher'`;

export const stateOfRank = (rank: number): OutcomeState =>
  OUTCOME_STATES.find((state) => STATE_RANK[state] === rank) ?? 'notStarted';

/**
 * The officers behind the compliance counts, with each course's outcome, in
 * one statement. `$1` is the path prefix of the rows asked for (a child
 * unit's subtree, or one unit when `own`), `$2` the asOf instant;
 * `enrolmentFilter` is the report's (`enrolmentFilter()`), `stateFilter` a
 * condition on the officer's rank `s.rank`. Per officer and course the
 * enrolment that decides the state is kept (the highest rank, then the latest
 * cycle), so an officer's state is the highest of their courses', exactly as
 * counted; `total` counts every officer matched, before the page.
 *
 * The courses of the page's officers are aggregated set-based, in one GROUP
 * BY, and looked up by officer in a jsonb object (as is the page's set of
 * officers): the planner cannot estimate the CTEs' sizes (it expects 1 page
 * row where there are 5,000), so a join back to the page turned into nested
 * loops that re-ran the aggregate per officer. A subquery per officer over
 * `per_course` was quadratic as well (minutes for a region's 5,000 officers).
 */
export function officerOutcomesSql(options: {
  enrolmentFilter: string;
  stateFilter: string;
  own: boolean;
  page: string;
}): string {
  return `
WITH per_course AS MATERIALIZED (
  SELECT DISTINCT ON (e.officer_id, e.course_id)
         e.id, e.officer_id, e.course_id, e.status, e.due_at, e.completed_at, e.closed_reason,
         e.reason, e.reason_detail,
         ${RANK_AT_AS_OF} AS rank
  FROM enrollment e
  WHERE e.assigned_at <= $2
    AND NOT (e.status = 'withdrawn' AND e.closed_at <= $2)
    AND ${options.enrolmentFilter}
  ORDER BY e.officer_id, e.course_id, rank DESC, e.cycle DESC
),
officer_state AS (
  SELECT officer_id, max(rank) AS rank FROM per_course GROUP BY officer_id
),
picked AS (
  SELECT s.officer_id, s.rank, o.personnel_number, o.full_name, o.rank AS officer_rank, o.position,
         u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.names AS unit_names, u.path AS unit_path
  FROM officer_state s
  JOIN officer o ON o.id = s.officer_id
  JOIN unit u ON u.id = o.unit_id
  WHERE ${options.own ? 'u.path = $1' : "u.path LIKE $1 || '%'"} AND ${options.stateFilter}
),
page AS MATERIALIZED (
  SELECT p.*, count(*) OVER ()::int AS total FROM picked p
  ORDER BY p.unit_path, p.full_name, p.personnel_number
  ${options.page}
),
listed AS (
  SELECT jsonb_object_agg(officer_id, true) AS ids FROM page
),
courses AS (
  SELECT jsonb_object_agg(officer_id, courses) AS by_officer
  FROM (
    SELECT pc.officer_id,
           jsonb_agg(jsonb_build_object(
             'courseId', c.id, 'courseCode', c.code, 'courseTitle', c.title, 'rank', pc.rank,
             'dueAt', pc.due_at, 'completedAt', CASE WHEN pc.rank = ${RANK.completed} THEN pc.completed_at END,
             'certificateSerial', CASE WHEN pc.rank = ${RANK.completed} THEN cert.serial END,
             'exemptionReason', CASE WHEN pc.rank = ${RANK.exempted} THEN pc.closed_reason END,
             'reason', pc.reason, 'reasonDetail', pc.reason_detail)
           ORDER BY c.code) AS courses
    FROM per_course pc
    JOIN course c ON c.id = pc.course_id
    LEFT JOIN certificate cert ON cert.enrollment_id = pc.id
    WHERE (SELECT ids FROM listed) ? pc.officer_id::text
    GROUP BY pc.officer_id
  ) per_officer
)
SELECT p.officer_id, p.rank, p.personnel_number, p.full_name, p.officer_rank, p.position,
       p.unit_id, p.unit_code, p.unit_name, p.unit_names, p.total,
       (SELECT by_officer FROM courses) -> p.officer_id::text AS courses
FROM page p
ORDER BY p.unit_path, p.full_name, p.personnel_number`;
}
