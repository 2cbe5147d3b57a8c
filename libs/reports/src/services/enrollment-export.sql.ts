import { EFFECTIVE_STATUS } from '@lms/assignments';

/**
 * Every enrolment matching `filter` (a condition on `e`, `o` and `u`), one
 * row each, in a stable order (unit, officer, course, cycle). The CSV export
 * streams this statement through a cursor; the JSON page adds LIMIT/OFFSET.
 * `$1` is the language of unit names and course titles (Russian when a
 * translation is missing). The effective status is computed here, so a
 * status filter on `overdue` and the printed status agree.
 */
export function enrollmentExportSql(filter: string, page = ''): string {
  return `
SELECT e.id, o.full_name, o.personnel_number, o.rank, u.code AS unit_code,
       coalesce(u.names ->> $1, u.name) AS unit_name, u.timezone,
       c.code AS course_code, coalesce(c.title ->> $1, c.title ->> 'ru') AS course_title,
       e.cycle, ${EFFECTIVE_STATUS} AS status, e.assigned_at, e.due_at, e.completed_at,
       cert.serial AS certificate_serial
FROM enrollment e
JOIN officer o ON o.id = e.officer_id
JOIN unit u ON u.id = o.unit_id
JOIN course c ON c.id = e.course_id
LEFT JOIN certificate cert ON cert.enrollment_id = e.id
WHERE ${filter}
ORDER BY u.path, o.full_name, o.personnel_number, c.code, e.cycle
${page}`;
}

/** How many enrolments match `filter` (same parameters as `enrollmentExportSql`). */
export function enrollmentCountSql(filter: string): string {
  return `
SELECT count(*)::int AS total
FROM enrollment e
JOIN officer o ON o.id = e.officer_id
JOIN unit u ON u.id = o.unit_id
WHERE ${filter} AND $1::text IS NOT NULL`;
}
