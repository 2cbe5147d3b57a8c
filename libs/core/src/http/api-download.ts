import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface DownloadOptions {
  description: string;
  /** The media types of the file, e.g. `text/csv`, `application/pdf`. */
  mediaTypes: string[];
  /** When the route can also answer JSON (`format=json`): its schema. */
  json?: Type<unknown>;
  status?: number;
}

/**
 * Documents a route that answers a file: each media type it may send, so a
 * generated client knows to read bytes (binary) or text, and the JSON schema
 * when a `format` parameter can ask for JSON instead.
 */
export function ApiDownload({ description, mediaTypes, json, status = 200 }: DownloadOptions) {
  const content: Record<string, { schema: object }> = {};
  if (json) content['application/json'] = { schema: { $ref: getSchemaPath(json) } };
  for (const type of mediaTypes) {
    content[type] = { schema: { type: 'string', ...(type.startsWith('text/') ? {} : { format: 'binary' }) } };
  }
  return applyDecorators(...(json ? [ApiExtraModels(json)] : []), ApiResponse({ status, description, content }));
}
