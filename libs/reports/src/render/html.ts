import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { Cell, cellText, ReportTable } from './report-table';

/** The template sits beside this file (the build copies it with `swc --copy-files`); compiled once. */
let template: Handlebars.TemplateDelegate | undefined;

function compiled(): Handlebars.TemplateDelegate {
  // A private instance: no helpers or partials registered elsewhere can change what it does.
  template ??= Handlebars.create().compile(readFileSync(join(__dirname, 'report-table.hbs'), 'utf8'), {
    strict: true,
  });
  return template;
}

/** A printable page; every value goes through Handlebars' escaping. */
export function renderHtml(table: ReportTable): string {
  const line = (cells: Cell[]) =>
    cells.map((cell, i) => ({ text: cellText(cell, table.columns[i], table.language), kind: table.columns[i].kind }));
  return compiled()({
    language: table.language,
    title: table.title,
    meta: table.meta,
    columns: table.columns,
    rows: table.rows.map(line),
    total: table.total ? line(table.total) : null,
    notes: table.notes,
    sections: (table.sections ?? []).map((section) => ({
      title: section.title,
      columns: section.columns,
      empty: section.rows.length === 0 ? section.empty : null,
      rows: section.rows.map((cells) =>
        cells.map((cell, i) => ({
          text: cellText(cell, section.columns[i], table.language),
          kind: section.columns[i].kind,
        })),
      ),
    })),
    signOff: table.signOff ?? [],
    footer: table.footer ?? null,
  });
}
