import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ReportTable } from './report-table';

/** Excel sheet names: at most 31 characters, none of []:*?/\ */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'report';

/**
 * Streams the workbook into `out`: the table on the first sheet (bold header
 * row, frozen, widths set; numbers stay numbers), the report's facts on a second.
 */
export async function writeXlsx(table: ReportTable, out: Writable): Promise<void> {
  // Shared strings: every text is a string cell (`t="s"`), never a formula, whatever it starts with.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  workbook.title = table.title;
  if (table.createdAt) workbook.created = workbook.modified = new Date(table.createdAt);
  const sheet = workbook.addWorksheet(sheetName(table.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column, i) => ({
    header: column.label,
    key: String(i),
    width: column.width,
    style: column.kind === 'percent' ? { numFmt: '0.0' } : column.kind === 'count' ? { numFmt: '0' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.commit();
  for (const cells of table.rows) sheet.addRow(cells).commit();
  if (table.total) {
    const total = sheet.addRow(table.total);
    total.font = { bold: true };
    total.commit();
  }
  sheet.commit();
  (table.sections ?? []).forEach((section, i) => {
    const extra = workbook.addWorksheet(sheetName(`${i + 2} ${section.title}`), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    extra.columns = section.columns.map((column, j) => ({ header: column.label, key: String(j), width: column.width }));
    extra.getRow(1).font = { bold: true };
    extra.getRow(1).commit();
    for (const cells of section.rows) extra.addRow(cells).commit();
    extra.commit();
  });
  const facts = workbook.addWorksheet('info');
  facts.columns = [
    { header: table.title, key: 'label', width: 24 },
    { header: '', key: 'value', width: 90 },
  ];
  facts.getRow(1).font = { bold: true };
  for (const { label, value } of table.meta) facts.addRow({ label, value }).commit();
  for (const note of table.notes) facts.addRow({ label: '', value: note }).commit();
  if (table.footer) facts.addRow({ label: '', value: table.footer }).commit();
  facts.commit();
  await workbook.commit();
}
