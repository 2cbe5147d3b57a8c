import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  CourseDocumentDto,
  CourseDocumentService,
  CourseService,
  CourseVersionService,
  CreateCourseDto,
} from '@lms/catalogue';
import { checkedInstance, Ctx, NotFound, RequestContext, Roles, ValidationFailed } from '@lms/core';
import { FormRejected } from '../http/form-rejected';
import { PageContext } from '../http/page-context';
import { Action, Form, Page, redirectTo, WebController } from '../http/page.decorators';
import { PageCtx } from '../http/page-params';
import { field, FormBody, textOf } from '../trainer/editor-forms';

const COURSE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;

/** The trainer's courses: the list with drafts and published versions, a new course, an import, the history and diffs. */
@WebController()
export class TrainerCoursesController {
  constructor(
    private readonly courses: CourseService,
    private readonly versions: CourseVersionService,
    private readonly documents: CourseDocumentService,
  ) {}

  @Get('trainer/courses')
  @Roles('trainer')
  @Page('trainer/courses', 'trainer.courses.title')
  async list(@Ctx() ctx: RequestContext) {
    const { items } = await this.courses.list(ctx, { limit: 500, offset: 0 });
    const mine = items.filter((course) => course.canAuthor);
    return {
      courses: mine.map((course) => ({
        ...course,
        status: course.draftVersionId ? 'draft' : 'published',
      })),
    };
  }

  @Post('trainer/courses')
  @Roles('trainer')
  @Form('trainer/courses', 'trainer.courses.title')
  async create(@Ctx() ctx: RequestContext, @Body() body: FormBody) {
    const code = field(body, 'code').trim();
    const title = textOf(body, 'title');
    const errors: Record<string, string> = {};
    if (!COURSE_CODE.test(code)) errors.code = 'errors.courseCode';
    if (!title.kk) errors.title_kk = 'errors.required';
    if (!title.ru) errors.title_ru = 'errors.required';
    if (Object.keys(errors).length) throw FormRejected.of(body, errors, undefined, await this.list(ctx));
    try {
      const { draftVersionId } = await this.courses.create(ctx, { code, title: title as CreateCourseDto['title'] });
      return redirectTo(`/trainer/versions/${draftVersionId}`, 'courseCreated');
    } catch (error) {
      if ((error as { code?: string }).code === 'course-code-taken') {
        throw FormRejected.of(body, { code: 'errors.codeTaken' }, undefined, await this.list(ctx));
      }
      throw error;
    }
  }

  /** A version's JSON document, pasted or read from a file by the page's script: a new course with it as its draft. */
  @Post('trainer/courses/import')
  @Roles('trainer')
  @Form('trainer/courses', 'trainer.courses.title')
  async importDocument(@Ctx() ctx: RequestContext, @Body() body: FormBody) {
    const reject = async (message: string) =>
      FormRejected.of({ document: field(body, 'document') }, { document: message }, undefined, await this.list(ctx));
    let parsed: unknown;
    try {
      parsed = JSON.parse(field(body, 'document'));
    } catch {
      throw await reject('errors.badJson');
    }
    const { instance: document, problems } = await checkedInstance(CourseDocumentDto, parsed, {
      whitelist: true,
      forbidNonWhitelisted: false,
    });
    if (problems.length > 0 || typeof parsed !== 'object' || parsed === null) throw await reject('errors.badDocument');
    try {
      const version = await this.documents.import(ctx, document, false);
      return redirectTo(`/trainer/versions/${version.id}`, 'courseImported');
    } catch (error) {
      if ((error as { code?: string }).code === 'course-code-taken') throw await reject('errors.codeTaken');
      if (error instanceof ValidationFailed) throw await reject('errors.badDocument');
      throw error;
    }
  }

  @Get('trainer/courses/:id')
  @Roles('trainer')
  @Page('trainer/course', 'trainer.course.title')
  async course(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @PageCtx() page: PageContext) {
    const course = await this.authored(ctx, id);
    page.title = `${course.code} · ${page.t('trainer.course.title')}`;
    const { items: history } = await this.courses.history(ctx, id, { limit: 100, offset: 0 });
    return {
      course,
      history,
      canDiff: history.length > 1,
      from: history[1]?.id,
      to: history[0]?.id,
    };
  }

  @Post('trainer/courses/:id/draft')
  @Roles('trainer')
  @Action()
  async newDraft(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    const course = await this.authored(ctx, id);
    if (course.draftVersionId) return redirectTo(`/trainer/versions/${course.draftVersionId}`);
    const draft = await this.versions.createDraft(ctx, id);
    return redirectTo(`/trainer/versions/${draft.id}`, 'draftStarted');
  }

  @Get('trainer/courses/:id/diff')
  @Roles('trainer')
  @Page('trainer/diff', 'trainer.diff.title')
  async diff(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('from', ParseUUIDPipe) from: string,
    @Query('to', ParseUUIDPipe) to: string,
  ) {
    const course = await this.authored(ctx, id);
    const diff = await this.versions.diff(ctx, to, from);
    const empty = diff.lessons.length + diff.questions.length + diff.criteria.length + diff.settings.length === 0;
    return {
      course,
      diff: {
        ...diff,
        settings: diff.settings.map((s) => ({ ...s, from: JSON.stringify(s.from), to: JSON.stringify(s.to) })),
      },
      groups: (['lessons', 'questions', 'criteria'] as const)
        .map((key) => ({ key, items: diff[key] }))
        .filter((group) => group.items.length > 0),
      empty,
    };
  }

  /** A course the trainer may author; anyone else's answers 404 like a missing one. */
  private async authored(ctx: RequestContext, id: string) {
    const course = await this.courses.get(ctx, id);
    if (!course.canAuthor) throw new NotFound('Course', id);
    return course;
  }
}
