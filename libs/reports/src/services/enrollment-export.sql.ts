import { EFFECTIVE_STATUS } from '@lms/assignments';
import { dueDaySql, localDaySql } from '@lms/core';

/**
 * The columns of an exported enrolment, in the CSV's order: every value as
 * the file prints it, dates already calendar days in the unit's time zone,
 * so the CSV writer only joins text. `$1` is the language of unit names and
 * course titles (Russian when a translation is missing). The effective status
 * is computed here, so a status filter on `overdue` and the printed status agree.
 */
const COLUMNS = `o.full_name, o.personnel_number, o.rank, u.code AS unit_code,
       coalesce(u.names ->> $1, u.name) AS unit_name,
       c.code AS course_code, coalesce(c.title ->> $1, c.title ->> 'ru') AS course_title,
       e.cycle, ${EFFECTIVE_STATUS} AS status,
       ${localDaySql('e.assigned_at', 'u.timezone')} AS assigned_on,
       ${dueDaySql('e.due_at', 'u.timezone')} AS due_on,
       ${localDaySql('e.completed_at', 'u.timezone')} AS completed_on,
       cert.serial AS certificate_serial`;

/** Every enrolment matching `filter` (a condition on `e`, `o` and `u`) in a stable order (unit, officer, course, cycle). */
function exportSql(columns: string, filter: string, page: string): string {
  return `
SELECT ${columns}
FROM enrollment e
JOIN officer o ON o.id = e.officer_id
JOIN unit u ON u.id = o.unit_id
JOIN course c ON c.id = e.course_id
LEFT JOIN certificate cert ON cert.enrollment_id = e.id
WHERE ${filter}
ORDER BY u.path, o.full_name, o.personnel_number, c.code, e.cycle
${page}`;
}

/** The JSON page: the enrolment's id and `COLUMNS`, with LIMIT/OFFSET (`page`). */
export function enrollmentExportSql(filter: string, page = ''): string {
  return exportSql(`e.id, ${COLUMNS}`, filter, page);
}

/** The CSV: exactly the file's cells, read through a cursor as text. */
export function enrollmentCsvSql(filter: string): string {
  return exportSql(COLUMNS, filter, '');
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
