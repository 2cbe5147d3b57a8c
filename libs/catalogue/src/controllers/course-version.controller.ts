import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, ApiProblems, Ctx, RequestContext, Roles } from '@lms/core';
import { CatalogueProblem } from '../catalogue.errors';
import { VersionDiffView, VersionView } from '../dto/course-version.response';
import { DiffQuery } from '../dto/course.dto';
import { CourseDocumentView } from '../dto/course.response';
import { VersionContentDto } from '../dto/version-content.dto';
import { CourseDocumentService } from '../services/course-document.service';
import { CourseVersionService } from '../services/course-version.service';

@ApiTags('catalogue')
@ApiProblems('Catalogue', Object.values(CatalogueProblem))
@Controller('course-versions')
export class CourseVersionController {
  constructor(
    private readonly versions: CourseVersionService,
    private readonly documents: CourseDocumentService,
  ) {}

  @Get(':id')
  @AnyRole()
  @ApiOperation({
    summary: 'Read a course version',
    description:
      'Lessons (with their HTML), quiz, rubric, seminar and completion rule. Authors read drafts too; only trainers and admins see the quiz’s answers.',
  })
  @ApiOkResponse({ type: VersionView })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.versions.get(ctx, id);
  }

  @Patch(':id')
  @Roles('trainer')
  @ApiOperation({
    summary: 'Edit a draft',
    description: 'The parts given replace the parts held; a published or archived version: 409 `version-not-draft`.',
  })
  @ApiOkResponse({ type: VersionView })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionContentDto) {
    return this.versions.update(ctx, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('trainer')
  @ApiOperation({
    summary: 'Publish a draft',
    description:
      'Freezes a complete draft and archives the previously published version; 422 `version-incomplete` lists precisely what is missing.',
  })
  @ApiOkResponse({ type: VersionView })
  publish(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.versions.publish(ctx, id);
  }

  @Get(':id/diff')
  @Roles('trainer')
  @ApiOperation({
    summary: 'Compare two versions',
    description: 'What changed since another version of the same course: lessons, questions, criteria and settings.',
  })
  @ApiOkResponse({ type: VersionDiffView })
  diff(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: DiffQuery) {
    return this.versions.diff(ctx, id, query.against);
  }

  @Get(':id/export')
  @Roles('trainer')
  @ApiOperation({
    summary: 'Export a version',
    description: 'The version as a portable JSON document; `POST /courses/import` takes it back.',
  })
  @ApiOkResponse({ type: CourseDocumentView })
  export(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.export(ctx, id);
  }
}
