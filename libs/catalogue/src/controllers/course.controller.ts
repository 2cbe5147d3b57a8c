import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { AnyRole, ApiProblems, Ctx, PageOf, PageQuery, RequestContext, Roles } from '@lms/core';
import { CatalogueProblem } from '../catalogue.errors';
import { VersionHistoryEntry, VersionView } from '../dto/course-version.response';
import {
  CourseDocumentDto,
  CreateCourseDto,
  GrantDto,
  ImportQuery,
  ListCoursesQuery,
  UpdateCourseDto,
} from '../dto/course.dto';
import { AttachmentView, CourseView } from '../dto/course.response';
import { ATTACHMENT_TYPES, AttachmentService } from '../services/attachment.service';
import { CourseDocumentService } from '../services/course-document.service';
import { CourseVersionService } from '../services/course-version.service';
import { CourseService } from '../services/course.service';

@ApiTags('catalogue')
@ApiProblems('Catalogue', Object.values(CatalogueProblem))
@Controller('courses')
export class CourseController {
  constructor(
    private readonly courses: CourseService,
    private readonly versions: CourseVersionService,
    private readonly documents: CourseDocumentService,
    private readonly attachments: AttachmentService,
  ) {}

  @Get()
  @AnyRole()
  @ApiOperation({
    summary: 'List courses',
    description:
      'Courses with a published version, by code (authors also see their unpublished ones); `q` searches the code and titles.',
  })
  @ApiOkResponse({ type: PageOf(CourseView) })
  list(@Ctx() ctx: RequestContext, @Query() query: ListCoursesQuery) {
    return this.courses.list(ctx, query);
  }

  @Post()
  @Roles('trainer')
  @ApiOperation({
    summary: 'Create a course',
    description: 'A new course owned by you, with its first draft (`draftVersionId`) to edit and publish.',
  })
  @ApiCreatedResponse({ type: CourseView })
  async create(@Ctx() ctx: RequestContext, @Body() dto: CreateCourseDto) {
    return (await this.courses.create(ctx, dto)).course;
  }

  @Post('import')
  @Roles('trainer')
  @ApiOperation({
    summary: 'Import a course',
    description:
      'A new course from an exported document (`GET /course-versions/{id}/export`), as a draft; `?publish=true` publishes it at once when complete.',
  })
  @ApiCreatedResponse({ type: VersionView })
  importDocument(@Ctx() ctx: RequestContext, @Body() document: CourseDocumentDto, @Query() query: ImportQuery) {
    return this.documents.import(ctx, document, query.publish === 'true');
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({
    summary: 'Read a course',
    description: 'With its latest published version, and its draft for those who may author it.',
  })
  @ApiOkResponse({ type: CourseView })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.courses.get(ctx, id);
  }

  @Patch(':id')
  @Roles('trainer')
  @ApiOperation({ summary: 'Change a course', description: 'Its title or description; authors only.' })
  @ApiOkResponse({ type: CourseView })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCourseDto) {
    return this.courses.update(ctx, id, dto);
  }

  @Get(':id/versions')
  @AnyRole()
  @ApiOperation({
    summary: 'List a course’s versions',
    description:
      'The version history, newest first: who made and published which version, when (drafts for authors only).',
  })
  @ApiOkResponse({ type: PageOf(VersionHistoryEntry) })
  history(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() page: PageQuery) {
    return this.courses.history(ctx, id, page);
  }

  @Post(':id/versions')
  @Roles('trainer')
  @ApiOperation({
    summary: 'Start a new draft',
    description: 'A draft copied from the latest published version; a draft exists already: 409 `draft-exists`.',
  })
  @ApiCreatedResponse({ type: VersionView })
  createDraft(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.versions.createDraft(ctx, id);
  }

  @Post(':id/grants')
  @HttpCode(204)
  @Roles('trainer')
  @ApiOperation({ summary: 'Grant authoring', description: 'Another trainer may author the course too.' })
  @ApiNoContentResponse({ description: 'Granted' })
  async grant(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: GrantDto) {
    await this.courses.grant(ctx, id, dto.userId, true);
  }

  @Delete(':id/grants/:userId')
  @HttpCode(204)
  @Roles('trainer')
  @ApiOperation({ summary: 'Revoke authoring', description: 'The trainer no longer authors the course.' })
  @ApiNoContentResponse({ description: 'Revoked' })
  async revoke(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ) {
    await this.courses.grant(ctx, id, userId, false);
  }

  @Post(':id/attachments')
  @Roles('trainer')
  @ApiOperation({
    summary: 'Upload a lesson file',
    description:
      'The raw bytes as the body and its type as Content-Type: a PDF or an image, 10 MB at most, checked by its first bytes too. Lessons link it by id.',
  })
  @ApiConsumes(...ATTACHMENT_TYPES)
  @ApiCreatedResponse({ type: AttachmentView })
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'fileName', required: true })
  upload(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Req() request: Request) {
    const fileName = typeof request.query.fileName === 'string' ? request.query.fileName : undefined;
    return this.attachments.upload(ctx, id, fileName, request.headers['content-type'], request);
  }
}
