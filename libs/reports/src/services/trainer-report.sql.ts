/**
 * Per trainer and course, between `$2` and `$3` (excluded): seminar sessions
 * held in the subtree `LIKE $1` (not cancelled, started in the period), their
 * seats, the seats filled (bookings neither cancelled nor waitlisted) and the
 * attendance marked on them; and the practical assessments the trainer scored
 * for officers serving in the subtree. `$4`: one trainer's user id, or null
 * for all. Sessions and assessments are aggregated apart, then joined on the
 * pair, so that a trainer who only assessed (or only ran sessions) still has
 * a row.
 */
export const TRAINER_REPORT_SQL = `
WITH session_seats AS (
  SELECT s.trainer_user_id, s.course_id, s.capacity,
         count(b.id) FILTER (WHERE b.status NOT IN ('cancelled', 'waitlisted')) AS filled,
         count(a.booking_id) FILTER (WHERE a.status IN ('present', 'late')) AS attended
  FROM seminar_session s JOIN unit u ON u.id = s.unit_id
  LEFT JOIN seminar_booking b ON b.session_id = s.id
  LEFT JOIN seminar_attendance a ON a.booking_id = b.id
  WHERE u.path LIKE $1 AND s.status <> 'cancelled' AND s.starts_at >= $2 AND s.starts_at < $3
    AND ($4::uuid IS NULL OR s.trainer_user_id = $4)
  GROUP BY s.id
),
sessions AS (
  SELECT trainer_user_id, course_id, count(*)::int AS sessions, sum(capacity)::int AS seats,
         sum(filled)::int AS filled, sum(attended)::int AS attended
  FROM session_seats GROUP BY trainer_user_id, course_id
),
assessed AS (
  SELECT p.id, p.assessor_user_id AS trainer_user_id, v.course_id, p.scores, p.score, p.passed
  FROM practical_assessment p JOIN course_version v ON v.id = p.course_version_id
  JOIN enrollment e ON e.id = p.enrollment_id JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id
  WHERE u.path LIKE $1 AND p.assessed_at >= $2 AND p.assessed_at < $3
    AND ($4::uuid IS NULL OR p.assessor_user_id = $4)
),
assessments AS (
  SELECT trainer_user_id, course_id, count(*)::int AS assessments, count(*) FILTER (WHERE passed)::int AS passed,
         round(avg(score), 1)::float AS average_score
  FROM assessed GROUP BY trainer_user_id, course_id
),
criteria AS (
  SELECT trainer_user_id, course_id,
         jsonb_agg(jsonb_build_object('criterionId', criterion_id, 'average', average, 'count', n)
                   ORDER BY criterion_id) AS criteria
  FROM (
    SELECT a.trainer_user_id, a.course_id, x->>'criterionId' AS criterion_id,
           round(avg((x->>'score')::numeric), 2)::float AS average, count(*)::int AS n
    FROM assessed a CROSS JOIN jsonb_array_elements(a.scores) x
    GROUP BY a.trainer_user_id, a.course_id, x->>'criterionId'
  ) per_criterion
  GROUP BY trainer_user_id, course_id
),
pairs AS (
  SELECT trainer_user_id, course_id FROM sessions UNION SELECT trainer_user_id, course_id FROM assessments
)
SELECT p.trainer_user_id, ua.username AS trainer_username, tof.full_name AS trainer_name,
       c.id AS course_id, c.code AS course_code, c.title AS course_title,
       coalesce(s.sessions, 0) AS sessions, coalesce(s.seats, 0) AS seats, coalesce(s.filled, 0) AS filled,
       coalesce(s.attended, 0) AS attended,
       coalesce(a.assessments, 0) AS assessments, coalesce(a.passed, 0) AS passed, a.average_score,
       coalesce(cr.criteria, '[]'::jsonb) AS criteria
FROM pairs p
JOIN user_account ua ON ua.id = p.trainer_user_id
LEFT JOIN officer tof ON tof.id = ua.officer_id
JOIN course c ON c.id = p.course_id
LEFT JOIN sessions s ON s.trainer_user_id = p.trainer_user_id AND s.course_id = p.course_id
LEFT JOIN assessments a ON a.trainer_user_id = p.trainer_user_id AND a.course_id = p.course_id
LEFT JOIN criteria cr ON cr.trainer_user_id = p.trainer_user_id AND cr.course_id = p.course_id
ORDER BY coalesce(tof.full_name, ua.username), c.code`;

/** The rubric criteria of courses `$1` as their latest published (or archived) version words them. */
export const CRITERION_LABELS_SQL = `
SELECT DISTINCT ON (v.course_id, c->>'id') v.course_id, c->>'id' AS criterion_id, c->'description' AS description,
       (c->>'maxScore')::int AS max_score
FROM course_version v CROSS JOIN jsonb_array_elements(coalesce(v.content->'rubric'->'criteria', '[]'::jsonb)) c
WHERE v.course_id = ANY($1::uuid[]) AND v.status <> 'draft'
ORDER BY v.course_id, c->>'id', v.number DESC`;
