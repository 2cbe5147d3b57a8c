import { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { Cell, cellText, ReportTable } from './report-table';

/** DejaVu covers Cyrillic and the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І) that the PDF base fonts lack. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const PAD = 3;
const SIZE = 8;
const STYLE_FILL = { header: '#e6e6e6', body: undefined, total: '#f3f3f3' };

type Doc = InstanceType<typeof PDFDocument>;

/** Lays the table out row by row, starting a new page (with the header again) when a row would not fit. */
class TableWriter {
  private readonly widths: number[];
  private readonly left: number;

  constructor(
    private readonly doc: Doc,
    private readonly table: ReportTable,
  ) {
    this.left = doc.page.margins.left;
    const usable = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    const weight = table.columns.reduce((sum, column) => sum + column.width, 0);
    this.widths = table.columns.map((column) => (usable * column.width) / weight);
  }

  header(): void {
    this.row(
      this.table.columns.map((column) => column.label),
      'header',
    );
  }

  row(cells: Cell[], style: 'header' | 'body' | 'total'): void {
    const doc = this.doc;
    const font = style === 'body' ? 'regular' : 'bold';
    const fill = STYLE_FILL[style];
    const texts = cells.map((cell, i) => cellText(cell, this.table.columns[i]));
    doc.font(font).fontSize(SIZE);
    const height =
      Math.max(...texts.map((text, i) => doc.heightOfString(text || ' ', { width: this.widths[i] - 2 * PAD }))) +
      2 * PAD;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (style !== 'header') this.header();
      doc.font(font).fontSize(SIZE);
    }
    const top = doc.y;
    let x = this.left;
    texts.forEach((text, i) => {
      const width = this.widths[i];
      if (fill) doc.rect(x, top, width, height).fill(fill);
      doc.fillColor('#000');
      doc.rect(x, top, width, height).lineWidth(0.5).strokeColor('#888').stroke();
      const align = this.table.columns[i].kind === 'text' ? 'left' : 'right';
      doc.text(text, x + PAD, top + PAD, { width: width - 2 * PAD, align });
      x += width;
    });
    doc.x = this.left;
    doc.y = top + height;
  }
}

/** Numbers every page at its foot, once the whole document is laid out. */
function numberPages(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a page
    doc
      .font('regular')
      .fontSize(7)
      .fillColor('#555')
      .text(`${i + 1} / ${range.count}`, doc.page.margins.left, doc.page.height - 24, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/** Streams an A4 PDF of the table into `out`; resolves when it is written. */
export function writePdf(table: ReportTable, out: Writable): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: table.columns.length > 6 ? 'landscape' : 'portrait',
    margin: 36,
    bufferPages: true,
    info: { Title: table.title, Creator: 'Officer communication-training platform' },
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
  const writer = new TableWriter(doc, table);
  writer.header();
  for (const cells of table.rows) writer.row(cells, 'body');
  if (table.total) writer.row(table.total, 'total');
  doc.moveDown(0.8);
  doc.font('regular').fontSize(7).fillColor('#444');
  for (const note of table.notes) doc.text(note);
  numberPages(doc);
  doc.end();
  return written;
}
