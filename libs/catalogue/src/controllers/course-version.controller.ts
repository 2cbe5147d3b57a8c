import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnyRole, Ctx, RequestContext, Roles } from '@lms/core';
import { DiffQuery } from '../dto/course.dto';
import { VersionContentDto } from '../dto/version-content.dto';
import { CourseDocumentService } from '../services/course-document.service';
import { CourseVersionService } from '../services/course-version.service';

@ApiTags('catalogue')
@Controller('course-versions')
export class CourseVersionController {
  constructor(
    private readonly versions: CourseVersionService,
    private readonly documents: CourseDocumentService,
  ) {}

  /** Officers and HR read published versions without the answers; authors read drafts too. */
  @Get(':id')
  @AnyRole()
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.versions.get(ctx, id);
  }

  /** Edits a draft; the parts given replace the parts held. A published version: 409. */
  @Patch(':id')
  @Roles('trainer')
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionContentDto) {
    return this.versions.update(ctx, id, dto);
  }

  /** Freezes a complete draft; 422 lists precisely what is missing. */
  @Post(':id/publish')
  @HttpCode(200)
  @Roles('trainer')
  publish(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.versions.publish(ctx, id);
  }

  /** What changed since another version of the same course. */
  @Get(':id/diff')
  @Roles('trainer')
  diff(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: DiffQuery) {
    return this.versions.diff(ctx, id, query.against);
  }

  /** The version as a portable JSON document (`POST /courses/import` takes it back). */
  @Get(':id/export')
  @Roles('trainer')
  export(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.export(ctx, id);
  }
}
