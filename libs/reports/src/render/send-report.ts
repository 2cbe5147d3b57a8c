import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { Response } from 'express';
import { contentDisposition } from '@lms/core';
import { ReportFormat } from '../dto/report-query.dto';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { writePdf } from './pdf';
import { ReportTable } from './report-table';
import { writeXlsx } from './xlsx';

export const CONTENT_TYPES: Record<Exclude<ReportFormat, 'json'>, string> = {
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

/** The file as bytes, for storing: the same renderers as `sendTable`. */
export async function renderTable(format: Exclude<ReportFormat, 'json'>, table: ReportTable): Promise<Buffer> {
  switch (format) {
    case 'csv':
      return Buffer.from(renderCsv(table), 'utf8');
    case 'html':
      return Buffer.from(renderHtml(table), 'utf8');
    case 'xlsx':
    case 'pdf': {
      const sink = new PassThrough();
      const bytes = buffer(sink);
      await (format === 'pdf' ? writePdf(table, sink) : writeXlsx(table, sink));
      return bytes;
    }
  }
}

/** Stored bytes as a download, with their own SHA-256. */
export function sendBytes(
  response: Response,
  format: Exclude<ReportFormat, 'json'>,
  fileName: string,
  file: { content: Buffer; sha256: string },
): void {
  response.status(200);
  response.setHeader('Content-Type', CONTENT_TYPES[format]);
  response.setHeader(
    'Content-Disposition',
    contentDisposition(`${fileName}.${format}`, format === 'html' ? 'inline' : 'attachment'),
  );
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-File-SHA256', file.sha256);
  response.end(file.content);
}

export function sendJson(response: Response, body: unknown): void {
  response.status(200).setHeader('Cache-Control', 'no-store');
  response.json(body);
}
