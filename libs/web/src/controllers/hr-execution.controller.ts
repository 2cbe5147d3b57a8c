import { Body, Get, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { OrderService } from '@lms/assignments';
import { APP_CONFIG, AppConfig, Ctx, RequestContext, Roles, ValidationFailed } from '@lms/core';
import { UnitService, unitNameIn } from '@lms/personnel';
import {
  executionDocument,
  ExecutionReportService,
  renderTable,
  ReportRenderingService,
  sendBytes,
} from '@lms/reports';
import { PageContext } from '../http/page-context';
import { Action, Page, redirectTo, WebController } from '../http/page.decorators';
import { PageCtx } from '../http/page-params';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FORMATS = ['pdf', 'csv', 'xlsx'] as const;
const LANGUAGES = ['kk', 'ru', 'en'] as const;

const uuidOrNothing = (value: unknown, field: string): string | undefined => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && UUID.test(value)) return value;
  throw new ValidationFailed('Not a valid choice', [{ field, message: 'must be a UUID' }]);
};

/**
 * HR's order execution reports: choose an order of its scope, freeze a
 * report for it (for a unit of the subtree, with the trust indicators
 * attached if asked), see the order's frozen reports
 * with their verification (code, SHA-256, whether content and files still
 * match) and download each as PDF, CSV or XLSX in kk/ru/en. The same
 * service, scope rules and stored files as the API.
 */
@WebController()
export class HrExecutionController {
  constructor(
    private readonly reports: ExecutionReportService,
    private readonly renderings: ReportRenderingService,
    private readonly orders: OrderService,
    private readonly units: UnitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('hr/execution-reports')
  @Roles('hr')
  @Page('hr/execution', 'hr.execution.title')
  async list(@Ctx() ctx: RequestContext, @Query('orderId') orderParam: unknown, @PageCtx() page: PageContext) {
    const orderId = uuidOrNothing(orderParam, 'orderId');
    const orders = (await this.orders.list(ctx, { limit: 100, offset: 0 })).items;
    const units = (await this.units.list(ctx, { limit: 500, offset: 0 })).items.map((unit) => ({
      ...unit,
      name: unitNameIn(unit, page.lang),
    }));
    const order = orderId ? await this.orders.get(ctx, orderId) : undefined;
    const found = order ? (await this.reports.list(ctx, order.id, { limit: 50, offset: 0 })).items : [];
    const reports = await Promise.all(
      found.map(async (summary) => ({
        ...summary,
        check: await this.reports.verification(ctx, summary.id),
        unitName: units.find((unit) => unit.id === summary.unitId)?.name ?? '',
      })),
    );
    return {
      order,
      orders: orders.map((item) => ({ ...item, selected: item.id === orderId })),
      units,
      reports,
      formats: FORMATS,
      languages: LANGUAGES.map((value) => ({ value, selected: value === page.lang })),
    };
  }

  @Post('hr/execution-reports')
  @Roles('hr')
  @Action()
  async freeze(@Ctx() ctx: RequestContext, @Body() body: Record<string, unknown>) {
    const orderId = uuidOrNothing(body.orderId, 'orderId');
    if (!orderId) throw new ValidationFailed('Choose an order', [{ field: 'orderId', message: 'errors.required' }]);
    const unitId = uuidOrNothing(body.unitId, 'unitId');
    await this.reports.create(ctx, orderId, { unitId, includeTrust: body.includeTrust === 'on' });
    return redirectTo(`/hr/execution-reports?orderId=${orderId}`, 'executionFrozen');
  }

  /** A frozen report as a file, rendered once and stored: every download is the same bytes, as in the API. */
  @Get('hr/execution-reports/:id/file')
  @Roles('hr')
  async file(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ) {
    const format = FORMATS.find((value) => value === query.format);
    const language = LANGUAGES.find((value) => value === query.lang);
    if (!format || !language)
      throw new ValidationFailed('Choose a format and a language', [
        ...(format ? [] : [{ field: 'format', message: `one of ${FORMATS.join(', ')}` }]),
        ...(language ? [] : [{ field: 'lang', message: `one of ${LANGUAGES.join(', ')}` }]),
      ]);
    const snapshot = await this.reports.get(ctx, id);
    const document = executionDocument(snapshot, language, this.config.publicUrl);
    const bytes = await this.renderings.file(snapshot.id, format, language, () => renderTable(format, document));
    response.setHeader('X-Content-SHA256', snapshot.sha256);
    sendBytes(response, format, document.fileName, bytes);
  }
}
