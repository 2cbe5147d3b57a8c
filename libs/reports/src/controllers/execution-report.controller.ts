import { Body, Controller, Get, Header, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  APP_CONFIG,
  AppConfig,
  ApiDownload,
  ApiProblems,
  Ctx,
  PageOf,
  Public,
  RequestContext,
  Roles,
  XLSX_TYPE,
} from '@lms/core';
import { CreateExecutionReportDto, ListSnapshotsQuery, SnapshotQuery } from '../dto/report-query.dto';
import {
  CodeVerificationView,
  FrozenSnapshotView,
  SnapshotCreated,
  SnapshotSummaryView,
  SnapshotVerificationView,
} from '../dto/report.response';
import { ReportsProblem } from '../reports.errors';
import { executionDocument } from '../render/execution-document';
import { ExecutionReportService } from '../services/execution-report.service';
import { renderTable, sendBytes, sendJson } from '../render/send-report';
import { ReportRenderingService } from '../services/report-rendering.service';

@ApiTags('reports')
@ApiProblems('Reports', Object.values(ReportsProblem))
@Controller()
export class ExecutionReportController {
  constructor(
    private readonly reports: ExecutionReportService,
    private readonly renderings: ReportRenderingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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

  @Get('execution-reports/verify/:code')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Verify a filed execution report',
    description:
      'Public, without signing in: the verification code printed on the document. Says which order, unit and moment it is, and whether its content and every file served so far still match their recorded SHA-256 (compare the file you hold with `files[].sha256`). An unknown or malformed code answers 200 with `valid: false` only.',
  })
  @ApiOkResponse({ type: CodeVerificationView })
  verifyCode(@Param('code') code: string) {
    return this.reports.verifyCode(code);
  }

  @Get('execution-reports/:id/verification')
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'Check an execution report',
    description:
      'Recomputes the SHA-256 of the stored content and of every stored file and compares them with those recorded; a change made behind the application shows as `valid: false`. Within your subtrees.',
  })
  @ApiOkResponse({ type: SnapshotVerificationView })
  verification(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.verification(ctx, id);
  }

  @Get('execution-reports/:id')
  @Roles('hr', 'trainer')
  @ApiOperation({
    summary: 'Download an execution report',
    description:
      'The frozen report, never recomputed, with `X-Content-SHA256`, as JSON or as the document labelled in `lang`: header, summary per unit, the officers who completed (certificate serials) and who did not (and why), sign-off block. A file is rendered at its first download and stored: every download of that format and language is the same bytes, whose SHA-256 is sent as `X-File-SHA256` and recorded for verification. A snapshot that no longer matches its hash answers 409 `snapshot-tampered`.',
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
    const format = query.format;
    const language = query.lang ?? 'ru';
    const document = executionDocument(snapshot, language, this.config.publicUrl);
    const file = await this.renderings.file(snapshot.id, format, language, () => renderTable(format, document));
    sendBytes(response, format, document.fileName, file);
  }
}
