import { Readable } from 'node:stream';
import { Body, Get, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Ctx, RequestContext, Roles, ValidationFailed } from '@lms/core';
import { CSV_COLUMNS, IMPORT_ENCODINGS, importEncodingOf, OfficerImportService } from '@lms/personnel';
import { FormRejected } from '../http/form-rejected';
import { Form, Page, redirectTo, WebController } from '../http/page.decorators';

/** The summary's counts, in the order the page shows them (they travel in the address after the redirect). */
const COUNTS = ['created', 'updated', 'unchanged', 'transferred', 'enrolled', 'withdrawn'] as const;

/** The import form's model: the columns expected and the encodings to choose from. */
function formModel(chosen: string) {
  return {
    columns: CSV_COLUMNS.join(','),
    encodings: ['auto', ...IMPORT_ENCODINGS].map((value) => ({ value, selected: value === chosen })),
  };
}

/**
 * HR's personnel import in the browser: the CSV as Excel saves it (UTF-8,
 * Windows-1251 or KZ-1048, detected or chosen), then the summary or the
 * error report line by line with nothing written. The same importer as
 * `POST /api/v1/officers/import`.
 */
@WebController()
export class HrImportController {
  constructor(private readonly importer: OfficerImportService) {}

  @Get('hr/import')
  @Roles('hr')
  @Page('hr/import', 'hr.import.title')
  form(@Query() query: Record<string, unknown>) {
    const done = typeof query.encoding === 'string' && importEncodingOf(query.encoding) !== undefined;
    const summary = done
      ? {
          encoding: query.encoding as string,
          counts: COUNTS.map((name) => ({ name, value: Math.max(0, Number(query[name]) || 0) })),
        }
      : null;
    return { ...formModel('auto'), summary };
  }

  @Post('hr/import')
  @Roles('hr')
  @Form('hr/import', 'hr.import.title')
  @UseInterceptors(FileInterceptor('file'))
  async upload(
    @Ctx() ctx: RequestContext,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
    @Body() body: Record<string, unknown>,
  ) {
    const encoding = importEncodingOf(typeof body.encoding === 'string' ? body.encoding : undefined);
    if (!encoding) throw FormRejected.of(body, { encoding: 'errors.invalid' }, undefined, formModel('auto'));
    if (!file || file.buffer.length === 0) {
      throw FormRejected.of(body, { file: 'hr.import.chooseFile' }, undefined, formModel(encoding));
    }
    try {
      const result = await this.importer.import(ctx, Readable.from([file.buffer]), encoding);
      const query = new URLSearchParams({ encoding: result.encoding });
      for (const name of COUNTS) query.set(name, String(result[name]));
      return redirectTo(`/hr/import?${query.toString()}`, 'personnelImported');
    } catch (error) {
      if (!(error instanceof ValidationFailed) || error.code !== 'officer-import-rejected') throw error;
      throw new FormRejected({ values: { encoding }, errors: {} }, { ...formModel(encoding), ...report(error) });
    }
  }
}

/** The error report of a refused file: every listed line with its field and reason. */
function report(error: ValidationFailed) {
  const count = typeof error.extra.errorCount === 'number' ? error.extra.errorCount : error.errors.length;
  return { rejected: { count, errors: error.errors, more: Math.max(0, count - error.errors.length) } };
}
