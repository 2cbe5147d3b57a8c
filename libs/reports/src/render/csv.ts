import { stringify } from 'csv-stringify/sync';
import { ReportTable } from './report-table';

/** UTF-8 with a byte-order mark, so Excel reads the Cyrillic and Kazakh letters; CRLF lines. */
export function renderCsv(table: ReportTable): string {
  const rows = [table.columns.map((column) => column.label), ...table.rows];
  if (table.total) rows.push(table.total);
  return '\uFEFF' + stringify(rows, { record_delimiter: 'windows', cast: { number: (value) => String(value) } });
}
