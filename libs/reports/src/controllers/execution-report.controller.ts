import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiDownload, ApiProblems, Ctx, PageOf, RequestContext, Roles, XLSX_TYPE } from '@lms/core';
import { CreateExecutionReportDto, ListSnapshotsQuery, SnapshotQuery } from '../dto/report-query.dto';
import { FrozenSnapshotView, SnapshotCreated, SnapshotSummaryView } from '../dto/report.response';
import { ReportsProblem } from '../reports.errors';
import { complianceTable } from '../render/compliance-table';
import { ExecutionReportService } from '../services/execution-report.service';
import { sendJson, sendTable } from '../render/send-report';

@ApiTags('reports')
@ApiProblems('Reports', Object.values(ReportsProblem))
@Controller()
export class ExecutionReportController {
  constructor(private readonly reports: ExecutionReportService) {}

  @Post('orders/:id/execution-reports')
  @Roles('hr')
  @ApiOperation({
    summary: 'Freeze an execution report',
    description:
      'Freezes the order’s compliance now, for the ministry: for the order’s unit, or your own when the order was issued above it (`unitId` narrows it). Stored as canonical JSON (RFC 8785) with its SHA-256, append-only, audited.',
  })
  @ApiCreatedResponse({ type: SnapshotCreated })
  create(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateExecutionReportDto) {
    return this.reports.create(ctx, id, dto);
  }

  @Get('orders/:id/execution-reports')
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'List an order’s execution reports',
    description: 'Newest first, within your subtrees, each with whether it still matches its hash (`verified`).',
  })
  @ApiOkResponse({ type: PageOf(SnapshotSummaryView) })
  list(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: ListSnapshotsQuery) {
    return this.reports.list(ctx, id, query);
  }

  @Get('execution-reports/:id')
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'Download an execution report',
    description:
      'The frozen report, never recomputed, with `X-Content-SHA256`, as JSON or rendered as a file labelled in `lang`. A snapshot that no longer matches its hash answers 409 `snapshot-tampered`.',
  })
  @ApiDownload({
    description: 'The snapshot as JSON (`format=json`, the default) or as a file',
    json: FrozenSnapshotView,
    mediaTypes: ['text/csv', XLSX_TYPE, 'text/html', 'application/pdf'],
  })
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
