import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { CreateExecutionReportDto, ListSnapshotsQuery, SnapshotQuery } from '../dto/report-query.dto';
import { complianceTable } from '../render/compliance-table';
import { ExecutionReportService } from '../services/execution-report.service';
import { sendJson, sendTable } from '../render/send-report';

@ApiTags('reports')
@Controller()
export class ExecutionReportController {
  constructor(private readonly reports: ExecutionReportService) {}

  /** Freezes the order's compliance now, for the ministry: `{ id, sha256, createdAt }`. */
  @Post('orders/:id/execution-reports')
  @Roles('hr')
  @ApiCreatedResponse({ description: '`{ id, sha256, createdAt }`' })
  create(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateExecutionReportDto) {
    return this.reports.create(ctx, id, dto);
  }

  @Get('orders/:id/execution-reports')
  @Roles('hr', 'trainer')
  list(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: ListSnapshotsQuery) {
    return this.reports.list(ctx, id, query);
  }

  /**
   * The frozen report, never recomputed, with `X-Content-SHA256`. A snapshot
   * that no longer matches its hash answers 409 `snapshot-tampered`.
   */
  @Get('execution-reports/:id')
  @Roles('hr', 'trainer')
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  async get(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SnapshotQuery,
    @Res() response: Response,
  ) {
    const snapshot = await this.reports.get(ctx, id);
    response.setHeader('X-Content-SHA256', snapshot.sha256);
    if (query.format === 'json') return sendJson(response, snapshot);
    const { content } = snapshot;
    const facts = {
      id: snapshot.id,
      sha256: snapshot.sha256,
      producedAt: content.producedAt,
      producedBy: content.producedBy.username,
    };
    await sendTable(response, query.format, complianceTable(content.report, query.lang ?? 'ru', facts));
  }
}
