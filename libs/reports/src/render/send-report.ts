import type { Response } from 'express';
import { contentDisposition } from '@lms/core';
import { ReportFormat } from '../dto/report-query.dto';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { writePdf } from './pdf';
import { ReportTable } from './report-table';
import { writeXlsx } from './xlsx';

const CONTENT_TYPES: Record<Exclude<ReportFormat, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * Sends a report as a file: CSV and HTML as text, XLSX and PDF streamed as
 * they are written. HTML opens in the browser (to print); the rest download.
 */
export async function sendTable(
  response: Response,
  format: Exclude<ReportFormat, 'json'>,
  table: ReportTable,
): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', CONTENT_TYPES[format]);
  response.setHeader(
    'Content-Disposition',
    contentDisposition(`${table.fileName}.${format}`, format === 'html' ? 'inline' : 'attachment'),
  );
  response.setHeader('Cache-Control', 'no-store');
  switch (format) {
    case 'csv':
      response.send(renderCsv(table));
      return;
    case 'html':
      response.send(renderHtml(table));
      return;
    case 'xlsx':
      await writeXlsx(table, response);
      return;
    case 'pdf':
      await writePdf(table, response);
      return;
  }
}

export function sendJson(response: Response, body: unknown): void {
  response.status(200).setHeader('Cache-Control', 'no-store');
  response.json(body);
}
