import { csvDialect, toCsv } from '@lms/core';
import { Cell, ReportTable, TableColumn } from './report-table';

/** A percentage as that language's Excel reads a number: `12,5` in ru and kk, `12.5` in en. */
function csvCell(cell: Cell, column: TableColumn, decimalComma: boolean): Cell {
  if (column.kind !== 'percent' || typeof cell !== 'number') return cell;
  const text = cell.toFixed(1);
  return decimalComma ? text.replace('.', ',') : text;
}

/**
 * The table as the language's Excel opens it in columns (semicolons and a
 * decimal comma in ru and kk, commas in en; UTF-8 with a BOM; CRLF), every
 * text cell formula-safe (core's `toCsv`). Further sections follow, each
 * after an empty line and its title.
 */
export function renderCsv(table: ReportTable): string {
  const dialect = csvDialect(table.language);
  const decimalComma = dialect.delimiter === ';';
  const lines = (columns: TableColumn[], rows: Cell[][]) => [
    columns.map((column) => column.label),
    ...rows.map((cells) => cells.map((cell, i) => csvCell(cell, columns[i], decimalComma))),
  ];
  const rows: Cell[][] = lines(table.columns, [...table.rows, ...(table.total ? [table.total] : [])]);
  for (const section of table.sections ?? []) rows.push([], [section.title], ...lines(section.columns, section.rows));
  return toCsv(rows, { dialect });
}
