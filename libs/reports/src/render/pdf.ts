import { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { Cell, cellText, ReportTable, TableColumn } from './report-table';

/** DejaVu covers Cyrillic and the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І) that the PDF base fonts lack. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const PAD = 3;
const SIZE = 8;
const STYLE_FILL = { header: '#e6e6e6', body: undefined, total: '#f3f3f3' };
/** Six-digit colours: pdfkit expands a three-digit one with a regular expression at every use (twice per cell). */
const TEXT_COLOR = '#000000';
const RULE_COLOR = '#888888';
/** Room kept at the foot of each page for the footer and the page number. */
const FOOT = 30;

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Lays a table out row by row, starting a new page (with the header again)
 * when a row would not fit. A cell's height is measured once per distinct
 * text, size and column (ranks, units, courses, dates and states repeat on
 * thousands of rows): pdfkit's `heightOfString` lays the text out in full,
 * and drawing it lays it out again.
 */
class TableWriter {
  private readonly widths: number[];
  private readonly left: number;
  private readonly heights = new Map<string, number>();
  private headerSizes?: number[];

  constructor(
    private readonly doc: Doc,
    private readonly columns: TableColumn[],
    private readonly language: ReportTable['language'],
  ) {
    this.left = doc.page.margins.left;
    const usable = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    const weight = columns.reduce((sum, column) => sum + column.width, 0);
    this.widths = columns.map((column) => (usable * column.width) / weight);
  }

  header(): void {
    this.row(
      this.columns.map((column) => column.label),
      'header',
    );
  }

  /**
   * The font size at which no word of a header breaks in the middle
   * ("Освобождены", never "Освобожден / ы"): smaller only where needed.
   */
  private headerSize(text: string, width: number): number {
    const longest = Math.max(...text.split(/\s+/).map((word) => this.doc.widthOfString(word)));
    return longest > width ? Math.max(5, (SIZE * width) / longest) : SIZE;
  }

  /** The header's font sizes, measured at its first drawing (the header repeats on every page). */
  private sizes(texts: string[], style: 'header' | 'body' | 'total'): number[] {
    if (style !== 'header') return texts.map(() => SIZE);
    this.headerSizes ??= texts.map((text, i) => this.headerSize(text, this.widths[i] - 2 * PAD));
    return this.headerSizes;
  }

  /** `heightOfString` of a cell, with the row's font already selected; remembered by font, size, column and text. */
  private height(font: string, size: number, column: number, text: string): number {
    const key = `${font}\u0000${size}\u0000${column}\u0000${text}`;
    let height = this.heights.get(key);
    if (height === undefined) {
      height = this.doc.fontSize(size).heightOfString(text || ' ', { width: this.widths[column] - 2 * PAD });
      this.heights.set(key, height);
    }
    return height;
  }

  row(cells: Cell[], style: 'header' | 'body' | 'total'): void {
    const doc = this.doc;
    const font = style === 'body' ? 'regular' : 'bold';
    const fill = STYLE_FILL[style];
    const texts = cells.map((cell, i) => cellText(cell, this.columns[i], this.language));
    doc.font(font).fontSize(SIZE);
    const sizes = this.sizes(texts, style);
    const height = Math.max(...texts.map((text, i) => this.height(font, sizes[i], i, text))) + 2 * PAD;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (style !== 'header') this.header();
      doc.font(font);
    }
    const top = doc.y;
    let x = this.left;
    texts.forEach((text, i) => {
      const width = this.widths[i];
      if (fill) doc.rect(x, top, width, height).fill(fill);
      doc.fillColor(TEXT_COLOR);
      doc.rect(x, top, width, height).lineWidth(0.5).strokeColor(RULE_COLOR).stroke();
      const align = this.columns[i].kind === 'text' ? 'left' : 'right';
      doc.fontSize(sizes[i]).text(text, x + PAD, top + PAD, { width: width - 2 * PAD, align });
      x += width;
    });
    doc.x = this.left;
    doc.y = top + height;
  }
}

/** Numbers every page at its foot, with the footer line, once the whole document is laid out. */
function footPages(doc: Doc, footer: string | undefined): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a page
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.font('regular').fontSize(6.5).fillColor('#555');
    if (footer)
      doc.text(footer, doc.page.margins.left, doc.page.height - FOOT, { width, align: 'left', lineBreak: false });
    doc.text(`${i + 1} / ${range.count}`, doc.page.margins.left, doc.page.height - FOOT, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/** The sign-off block: each line a label and room to write, kept together on one page. */
function signOff(doc: Doc, lines: string[]): void {
  const needed = lines.length * 22 + 20;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(1.5);
  const left = doc.page.margins.left;
  for (const line of lines) {
    const y = doc.y;
    doc.font('regular').fontSize(9).fillColor('#000').text(line, left, y, { width: 200 });
    doc
      .moveTo(left + 210, y + 10)
      .lineTo(left + 470, y + 10)
      .lineWidth(0.5)
      .strokeColor('#000')
      .stroke();
    doc.x = left;
    doc.y = y + 22;
  }
}

/**
 * Streams an A4 PDF of the table into `out`; resolves when it is written.
 * With `createdAt` the document carries that date and an id derived from it,
 * so the same table gives the same bytes every time.
 */
export function writePdf(table: ReportTable, out: Writable): Promise<void> {
  const wide = [table.columns, ...(table.sections ?? []).map((s) => s.columns)].some((c) => c.length > 6);
  const doc = new PDFDocument({
    size: 'A4',
    layout: wide ? 'landscape' : 'portrait',
    margins: { top: 36, left: 36, right: 36, bottom: 36 + FOOT },
    bufferPages: true,
    info: {
      Title: table.title,
      Creator: 'Officer communication-training platform',
      Producer: 'Officer communication-training platform',
      ...(table.createdAt ? { CreationDate: new Date(table.createdAt), ModDate: new Date(table.createdAt) } : {}),
    },
    lang: table.language,
  });
  const written = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('close', resolve); // a client that went away must not leave the request hanging
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('bold').fontSize(14).text(table.title);
  doc.moveDown(0.4);
  for (const { label, value } of table.meta) {
    doc.font('bold').fontSize(9).text(`${label}: `, { continued: true });
    doc.font('regular').text(value);
  }
  doc.moveDown(0.8);
  const writer = new TableWriter(doc, table.columns, table.language);
  writer.header();
  for (const cells of table.rows) writer.row(cells, 'body');
  if (table.total) writer.row(table.total, 'total');
  for (const section of table.sections ?? []) {
    doc.moveDown(1);
    if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.font('bold').fontSize(11).fillColor('#000').text(section.title, doc.page.margins.left);
    doc.moveDown(0.3);
    if (section.rows.length === 0) {
      doc.font('regular').fontSize(9).text(section.empty);
      continue;
    }
    const sectionWriter = new TableWriter(doc, section.columns, table.language);
    sectionWriter.header();
    for (const cells of section.rows) sectionWriter.row(cells, 'body');
  }
  doc.moveDown(0.8);
  doc.font('regular').fontSize(7).fillColor('#444');
  for (const note of table.notes) doc.text(note, doc.page.margins.left);
  if (table.signOff) signOff(doc, table.signOff);
  footPages(doc, table.footer);
  doc.end();
  return written;
}
