import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AnyRole, Ctx, PageQuery, RequestContext, Roles } from '@lms/core';
import {
  CourseDocumentDto,
  CreateCourseDto,
  GrantDto,
  ImportQuery,
  ListCoursesQuery,
  UpdateCourseDto,
} from '../dto/course.dto';
import { AttachmentService } from '../services/attachment.service';
import { CourseDocumentService } from '../services/course-document.service';
import { CourseVersionService } from '../services/course-version.service';
import { CourseService } from '../services/course.service';

@ApiTags('catalogue')
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
  list(@Ctx() ctx: RequestContext, @Query() query: ListCoursesQuery) {
    return this.courses.list(ctx, query);
  }

  /** A new course with its first (empty) draft: `draftVersionId` is ready to edit. */
  @Post()
  @Roles('trainer')
  async create(@Ctx() ctx: RequestContext, @Body() dto: CreateCourseDto) {
    return (await this.courses.create(ctx, dto)).course;
  }

  /** A course from an exported document; `?publish=true` publishes it at once when complete. */
  @Post('import')
  @Roles('trainer')
  importDocument(@Ctx() ctx: RequestContext, @Body() document: CourseDocumentDto, @Query() query: ImportQuery) {
    return this.documents.import(ctx, document, query.publish === 'true');
  }

  @Get(':id')
  @AnyRole()
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.courses.get(ctx, id);
  }

  @Patch(':id')
  @Roles('trainer')
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCourseDto) {
    return this.courses.update(ctx, id, dto);
  }

  /** Version history: who made and published which version, when. */
  @Get(':id/versions')
  @AnyRole()
  history(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() page: PageQuery) {
    return this.courses.history(ctx, id, page);
  }

  /** A new draft copied from the latest published version (409 if a draft exists). */
  @Post(':id/versions')
  @Roles('trainer')
  createDraft(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.versions.createDraft(ctx, id);
  }

  @Post(':id/grants')
  @HttpCode(204)
  @Roles('trainer')
  async grant(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: GrantDto) {
    await this.courses.grant(ctx, id, dto.userId, true);
  }

  @Delete(':id/grants/:userId')
  @HttpCode(204)
  @Roles('trainer')
  async revoke(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ) {
    await this.courses.grant(ctx, id, userId, false);
  }

  /** Upload a lesson file: the raw bytes as the body, its type as Content-Type (PDF or image, 10 MB at most). */
  @Post(':id/attachments')
  @Roles('trainer')
  @ApiConsumes('application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'fileName', required: true })
  upload(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Req() request: Request) {
    const fileName = typeof request.query.fileName === 'string' ? request.query.fileName : undefined;
    return this.attachments.upload(ctx, id, fileName, request.headers['content-type'], request);
  }
}
