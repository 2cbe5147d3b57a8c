import { EFFECTIVE_STATUS } from '@lms/assignments';
import { copyCsvSql, CsvDialect, dueDaySql, formulaSafeSql, localDaySql } from '@lms/core';

/**
 * The columns of an exported enrolment, in the CSV's order: every value as
 * the file prints it, dates already calendar days in the unit's time zone,
 * so the CSV writer only joins text. `$1` is the language of unit names and
 * course titles (Russian when a translation is missing). The effective status
 * is computed here, so a status filter on `overdue` and the printed status agree.
 */
const CELLS: { sql: string; as: string; text?: true }[] = [
  { sql: 'o.full_name', as: 'full_name', text: true },
  { sql: 'o.personnel_number', as: 'personnel_number', text: true },
  { sql: 'o.rank', as: 'rank', text: true },
  { sql: 'u.code', as: 'unit_code', text: true },
  { sql: 'coalesce(u.names ->> $1, u.name)', as: 'unit_name', text: true },
  { sql: 'c.code', as: 'course_code', text: true },
  { sql: "coalesce(c.title ->> $1, c.title ->> 'ru')", as: 'course_title', text: true },
  { sql: 'e.cycle', as: 'cycle' },
  // The status and the days are words and digits of our own: nothing in them can start a formula.
  { sql: EFFECTIVE_STATUS, as: 'status' },
  { sql: localDaySql('e.assigned_at', 'u.timezone'), as: 'assigned_on' },
  { sql: dueDaySql('e.due_at', 'u.timezone'), as: 'due_on' },
  { sql: localDaySql('e.completed_at', 'u.timezone'), as: 'completed_on' },
  { sql: 'cert.serial', as: 'certificate_serial', text: true },
];

const COLUMNS = CELLS.map((cell) => `${cell.sql} AS ${cell.as}`).join(', ');

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

/**
 * The CSV as PostgreSQL writes it (`COPY ... TO STDOUT`): exactly the file's
 * cells, people's texts made formula-safe in SQL (`formulaSafeSql`), in the
 * dialect's separator. The caller adds the BOM, the header and CRLF line ends.
 */
export function enrollmentCopySql(filter: string, dialect: CsvDialect): string {
  return copyCsvSql(enrollmentCsvSql(filter), dialect);
}

/** The statement `enrollmentCopySql` copies out: the file's cells, formula-safe. */
export function enrollmentCsvSql(filter: string): string {
  const cells = CELLS.map((cell) => (cell.text ? formulaSafeSql(cell.sql) : cell.sql)).join(', ');
  return exportSql(cells, filter, '');
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
