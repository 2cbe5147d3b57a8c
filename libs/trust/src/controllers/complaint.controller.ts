import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblems, Ctx, DomainError, PageOf, RequestContext, Roles } from '@lms/core';
import { CreateRefresherRuleDto, ListComplaintsQuery, RecordComplaintDto } from '../dto/complaint.dto';
import { ComplaintImportResult, ComplaintView, RecordedComplaint, RefresherRuleView } from '../dto/complaint.response';
import { ComplaintService } from '../services/complaint.service';
import { TrustProblem } from '../trust.errors';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];
/** The register as uploaded: 5 MB is far above a region's year. */
const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** The body of a CSV upload as text; a wrong type is 415, too large 413. */
async function csvBody(request: Request): Promise<string> {
  const type = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (!type || !CSV_TYPES.includes(type)) {
    throw new DomainError(
      'unsupported-media-type',
      'unsupported-media-type',
      `Send the register as text/csv, not ${type ?? 'nothing'}`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CSV_BYTES)
      throw new DomainError('payload-too-large', 'payload-too-large', 'The register is larger than 5 MB');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

@ApiTags('trust')
@ApiProblems('Trust', Object.values(TrustProblem))
@Controller()
export class ComplaintController {
  constructor(private readonly complaints: ComplaintService) {}

  @Post('complaints/import')
  @Roles('hr')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import the complaints register',
    description:
      'CSV with a header: `number,date,unit_code,personnel_number,category,outcome` (`number` and `personnel_number` may be empty; category: rudeness, corruption, inaction, unlawful_force, other; outcome: substantiated, unsubstantiated, pending). Units and officers must be in your subtrees. All or nothing: any bad line is 422 `complaint-import-invalid` listing every line’s errors. A known register number is replaced. Substantiated complaints run the refresher rules, once per complaint and rule.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'number,date,unit_code,personnel_number,category,outcome' } })
  @ApiOkResponse({ type: ComplaintImportResult })
  async import(@Ctx() ctx: RequestContext, @Req() request: Request) {
    return this.complaints.import(ctx, await csvBody(request));
  }

  @Post('complaints')
  @Roles('hr')
  @ApiOperation({
    summary: 'Record one complaint',
    description:
      'One line of the register by hand, checked like the import: the unit (by code) and the officer (by personnel number, optional) in your subtrees, else 422 `complaint-invalid` naming the field and nothing written. A known register number is replaced (`created: false`). A substantiated complaint with an officer runs the refresher rules, once per complaint and rule.',
  })
  @ApiCreatedResponse({ type: RecordedComplaint })
  record(@Ctx() ctx: RequestContext, @Body() dto: RecordComplaintDto) {
    return this.complaints.record(ctx, dto);
  }

  @Get('complaints')
  @Roles('hr')
  @ApiOperation({
    summary: 'List complaints',
    description: 'The register within your subtrees, newest first, filterable.',
  })
  @ApiOkResponse({ type: PageOf(ComplaintView) })
  list(@Ctx() ctx: RequestContext, @Query() query: ListComplaintsQuery) {
    return this.complaints.list(ctx, query);
  }

  @Post('refresher-rules')
  @Roles('hr')
  @ApiOperation({
    summary: 'Add a complaint-triggered refresher rule',
    description:
      '“A substantiated complaint of category X assigns course Y, due in N days.” National (HR at the root or admin; others 404). The course must be published (409 `course-not-published`); the same active category and course: 409 `refresher-rule-exists`.',
  })
  @ApiCreatedResponse({ type: RefresherRuleView })
  createRule(@Ctx() ctx: RequestContext, @Body() dto: CreateRefresherRuleDto) {
    return this.complaints.createRule(ctx, dto);
  }

  @Get('refresher-rules')
  @Roles('hr')
  @ApiOperation({ summary: 'List refresher rules', description: 'The active complaint-triggered refresher rules.' })
  @ApiOkResponse({ type: [RefresherRuleView] })
  listRules() {
    return this.complaints.listRules();
  }

  @Delete('refresher-rules/:id')
  @Roles('hr')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retire a refresher rule', description: 'Complaints recorded later no longer trigger it.' })
  @ApiNoContentResponse()
  async retireRule(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    await this.complaints.retireRule(ctx, id);
  }
}
