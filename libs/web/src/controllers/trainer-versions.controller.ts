import { Body, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  completenessProblems,
  CourseDocumentService,
  CourseService,
  CourseVersionService,
  LessonFileService,
  renderMarkdown,
  Text,
  VersionContent,
  VersionContentDto,
  VersionView,
} from '@lms/catalogue';
import { contentDisposition, Ctx, NotFound, RequestContext, Roles, ValidationFailed } from '@lms/core';
import { FormRejected } from '../http/form-rejected';
import { PageContext } from '../http/page-context';
import { Action, Form, Page, redirectTo, WebController } from '../http/page.decorators';
import { PageCtx } from '../http/page-params';
import {
  checked,
  CRITERION_ROWS,
  describeProblems,
  EDITOR_LANGUAGES,
  field,
  FormBody,
  missing,
  numberField,
  objectivesOf,
  objectivesText,
  OPTION_ROWS,
  questionOf,
  rubricOf,
  textOf,
} from '../trainer/editor-forms';
import { lessonModel, lessonValues, previews } from '../trainer/lesson-page';

/** `new` or an item's id in the editor's URLs. */
const ITEM = /^(new|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * The version editor: details, lessons (Markdown with a preview), the quiz
 * bank in kk/ru/en side by side, the rubric, the completion rule and
 * validity; publishing (refused with the list of what is missing), and the
 * version as a JSON document.
 */
@WebController()
export class TrainerVersionsController {
  constructor(
    private readonly courses: CourseService,
    private readonly versions: CourseVersionService,
    private readonly documents: CourseDocumentService,
    private readonly files: LessonFileService,
  ) {}

  @Get('trainer/versions/:id')
  @Roles('trainer')
  @Page('trainer/version', 'trainer.version.title')
  async editor(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @PageCtx() page: PageContext) {
    return this.editorModel(ctx, id, page);
  }

  /** The course's titles (every version shows them) and the version's objectives. */
  @Post('trainer/versions/:id/details')
  @Roles('trainer')
  @Form('trainer/version', 'trainer.version.title')
  async details(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    const version = await this.draft(ctx, id);
    const title = textOf(body, 'title');
    const errors: Record<string, string> = {};
    if (!title.kk) errors.title_kk = 'errors.required';
    if (!title.ru) errors.title_ru = 'errors.required';
    if (Object.keys(errors).length) throw FormRejected.of(body, errors, undefined, await this.editorModel(ctx, id));
    const description = textOf(body, 'description');
    await this.courses.update(ctx, version.courseId, {
      title: title as { kk: string; ru: string; en?: string },
      description,
    });
    await this.versions.update(ctx, id, { objectives: objectivesOf(body) });
    return redirectTo(`/trainer/versions/${id}#details`, 'saved');
  }

  /** The completion rule, validity, the seminar and the quiz's settings. */
  @Post('trainer/versions/:id/settings')
  @Roles('trainer')
  @Form('trainer/version', 'trainer.version.title')
  async settings(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    const version = await this.draft(ctx, id);
    const errors: Record<string, string> = {};
    const validityMonths = numberField(body, 'validityMonths', [1, 240], errors);
    const seminarHours = numberField(body, 'seminarHours', [0, 200], errors);
    const patch: VersionContentDto = {
      completionRule: {
        lessonsRead: checked(body, 'lessonsRead'),
        quizPassed: checked(body, 'quizPassed'),
        practicalPassed: checked(body, 'practicalPassed'),
        seminarAttended: checked(body, 'seminarAttended'),
      },
      validityMonths,
      seminar:
        checked(body, 'seminarRequired') || seminarHours
          ? { required: checked(body, 'seminarRequired'), hours: seminarHours ?? 0 }
          : null,
    };
    if (version.quiz) {
      const drawCount = numberField(body, 'drawCount', [1, 200], errors);
      const passMark = numberField(body, 'passMark', [1, 100], errors);
      if (drawCount === null) errors.drawCount ??= 'errors.required';
      if (passMark === null) errors.passMark ??= 'errors.required';
      patch.quiz = {
        ...version.quiz,
        questions: version.quiz.questions.map((q) => ({
          ...q,
          explanation: q.explanation ?? undefined,
          options: q.options.map((o) => ({ ...o, correct: o.correct ?? false })),
        })),
        drawCount: drawCount ?? 1,
        passMark: passMark ?? 1,
        timeLimitMinutes: numberField(body, 'timeLimitMinutes', [1, 600], errors),
        maxAttempts: numberField(body, 'maxAttempts', [1, 100], errors),
      };
    }
    if (Object.keys(errors).length) throw FormRejected.of(body, errors, undefined, await this.editorModel(ctx, id));
    await this.versions.update(ctx, id, patch);
    return redirectTo(`/trainer/versions/${id}#settings`, 'saved');
  }

  @Get('trainer/versions/:id/lessons/:lessonId')
  @Roles('trainer')
  @Page('trainer/lesson', 'trainer.lesson.title')
  async lesson(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lessonId') lessonId: string,
  ) {
    const version = await this.draft(ctx, id);
    const lesson = this.lessonOf(version, lessonId);
    return {
      ...(await this.lessonModel(ctx, version, lessonId)),
      form: { values: lessonValues(lesson), errors: {} },
      preview: lesson ? previews(lesson.body) : null,
    };
  }

  /** Saves the lesson, or (the Preview button) shows the page again with the Markdown rendered. */
  @Post('trainer/versions/:id/lessons/:lessonId')
  @Roles('trainer')
  @Form('trainer/lesson', 'trainer.lesson.title')
  async saveLesson(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lessonId') lessonId: string,
    @Body() body: FormBody,
  ) {
    const version = await this.draft(ctx, id);
    const existing = this.lessonOf(version, lessonId);
    const title = textOf(body, 'title');
    const lessonBody = textOf(body, 'body', false);
    const errors: Record<string, string> = {};
    const durationMinutes = numberField(body, 'durationMinutes', [1, 600], errors);
    const model = { ...(await this.lessonModel(ctx, version, lessonId)), preview: previews(lessonBody) };
    if (field(body, 'intent') === 'preview') throw FormRejected.of(body, {}, undefined, model, 200);
    if (!title.kk && !title.ru && !title.en) errors.title_ru = 'errors.required';
    if (Object.keys(errors).length) throw FormRejected.of(body, errors, undefined, model);
    const lesson = {
      ...(existing ? { id: existing.id, attachments: existing.attachments } : {}),
      title,
      body: lessonBody,
      durationMinutes: durationMinutes ?? undefined,
    };
    const lessons = existing
      ? version.lessons.map((l) => (l.id === existing.id ? lesson : l))
      : [...version.lessons, lesson];
    await this.versions.update(ctx, id, { lessons: lessons as VersionContentDto['lessons'] });
    return redirectTo(`/trainer/versions/${id}#lessons`, 'lessonSaved');
  }

  @Post('trainer/versions/:id/lessons/:lessonId/delete')
  @Roles('trainer')
  @Action()
  async deleteLesson(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
  ) {
    const version = await this.draft(ctx, id);
    await this.versions.update(ctx, id, {
      lessons: version.lessons.filter((l) => l.id !== lessonId) as VersionContentDto['lessons'],
    });
    return redirectTo(`/trainer/versions/${id}#lessons`, 'deleted');
  }

  /** The live preview of a lesson's Markdown (the page's script posts the text as typed). */
  @Post('trainer/markdown-preview')
  @Roles('trainer')
  preview(@Body() body: FormBody, @Res() response: Response) {
    response
      .type('text/html; charset=utf-8')
      .set('Cache-Control', 'no-store')
      .send(renderMarkdown(field(body, 'markdown').slice(0, 100_000)));
  }

  @Get('trainer/versions/:id/questions/:questionId')
  @Roles('trainer')
  @Page('trainer/question', 'trainer.question.title')
  async question(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId') questionId: string,
  ) {
    const version = await this.draft(ctx, id);
    const question = this.questionOf(version, questionId);
    const values: Record<string, string> = {};
    if (question) {
      for (const l of EDITOR_LANGUAGES) {
        values[`text_${l}`] = question.text[l] ?? '';
        values[`explanation_${l}`] = question.explanation?.[l] ?? '';
        question.options.forEach((o, i) => (values[`o${i}_${l}`] = o.text[l] ?? ''));
      }
      question.options.forEach((o, i) => o.correct && (values[`o${i}_correct`] = 'on'));
      if (question.multiple) values.multiple = 'on';
    }
    return { ...this.questionModel(version, questionId), form: { values, errors: {} } };
  }

  @Post('trainer/versions/:id/questions/:questionId')
  @Roles('trainer')
  @Form('trainer/question', 'trainer.question.title')
  async saveQuestion(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId') questionId: string,
    @Body() body: FormBody,
  ) {
    const version = await this.draft(ctx, id);
    const existing = this.questionOf(version, questionId);
    const { question, errors } = questionOf(body, existing?.id, existing as never);
    if (Object.keys(errors).length)
      throw FormRejected.of(body, errors, undefined, this.questionModel(version, questionId));
    const held = version.quiz?.questions ?? [];
    const questions = existing ? held.map((q) => (q.id === existing.id ? question : q)) : [...held, question];
    const quiz = version.quiz
      ? { ...version.quiz, questions }
      : { questions, drawCount: 1, passMark: 80, timeLimitMinutes: null, maxAttempts: null };
    await this.versions.update(ctx, id, { quiz: quiz as VersionContentDto['quiz'] });
    return redirectTo(`/trainer/versions/${id}#quiz`, 'questionSaved');
  }

  @Post('trainer/versions/:id/questions/:questionId/delete')
  @Roles('trainer')
  @Action()
  async deleteQuestion(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
  ) {
    const version = await this.draft(ctx, id);
    if (version.quiz) {
      const questions = version.quiz.questions.filter((q) => q.id !== questionId);
      const quiz = questions.length
        ? { ...version.quiz, questions, drawCount: Math.min(version.quiz.drawCount, questions.length) }
        : null;
      await this.versions.update(ctx, id, { quiz: quiz as VersionContentDto['quiz'] });
    }
    return redirectTo(`/trainer/versions/${id}#quiz`, 'deleted');
  }

  @Get('trainer/versions/:id/rubric')
  @Roles('trainer')
  @Page('trainer/rubric', 'trainer.rubric.title')
  async rubric(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    const version = await this.draft(ctx, id);
    const values: Record<string, string> = {};
    version.rubric?.criteria.forEach((c, i) => {
      for (const l of EDITOR_LANGUAGES) values[`c${i}_${l}`] = c.description[l] ?? '';
      values[`c${i}_weight`] = String(c.weight);
      values[`c${i}_max`] = String(c.maxScore);
    });
    if (version.rubric) values.passThreshold = String(version.rubric.passThreshold);
    return { ...this.rubricModel(version), form: { values, errors: {} } };
  }

  @Post('trainer/versions/:id/rubric')
  @Roles('trainer')
  @Form('trainer/rubric', 'trainer.rubric.title')
  async saveRubric(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: FormBody) {
    const version = await this.draft(ctx, id);
    const { rubric, errors } = rubricOf(body, version.rubric?.criteria ?? []);
    if (Object.keys(errors).length) throw FormRejected.of(body, errors, undefined, this.rubricModel(version));
    await this.versions.update(ctx, id, { rubric });
    return redirectTo(`/trainer/versions/${id}#rubric`, 'rubricSaved');
  }

  /** Publishes a complete draft; an incomplete one comes back to the editor, whose list says what is missing. */
  @Post('trainer/versions/:id/publish')
  @Roles('trainer')
  @Action()
  async publish(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    const version = await this.draft(ctx, id);
    try {
      await this.versions.publish(ctx, id);
    } catch (error) {
      if (error instanceof ValidationFailed) return redirectTo(`/trainer/versions/${id}`, 'publishRefused');
      throw error;
    }
    return redirectTo(`/trainer/courses/${version.courseId}`, 'published');
  }

  @Get('trainer/versions/:id/export.json')
  @Roles('trainer')
  async exportDocument(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    await this.authored(ctx, id);
    const document = await this.documents.export(ctx, id);
    response
      .type('application/json; charset=utf-8')
      .set('Content-Disposition', contentDisposition(`${document.course.code}-v${document.exportedFrom.number}.json`))
      .send(JSON.stringify(document, null, 2));
  }

  private async editorModel(ctx: RequestContext, id: string, page?: PageContext) {
    const version = await this.authored(ctx, id);
    const course = await this.courses.get(ctx, version.courseId);
    if (page) page.title = `${course.code} · ${page.t('trainer.version.title')}`;
    const base = `/trainer/versions/${id}`;
    const problems =
      version.status === 'draft' ? completenessProblems(course.title, version as unknown as VersionContent) : [];
    const questions = version.quiz?.questions ?? [];
    const values: Record<string, string> = {};
    for (const l of EDITOR_LANGUAGES) {
      values[`title_${l}`] = course.title[l as 'kk'] ?? '';
      values[`description_${l}`] = course.description?.[l] ?? '';
      values[`objectives_${l}`] = objectivesText(version.objectives, l);
    }
    const rule = version.completionRule;
    Object.assign(values, {
      validityMonths: version.validityMonths ? String(version.validityMonths) : '',
      seminarHours: version.seminar ? String(version.seminar.hours) : '',
      drawCount: version.quiz ? String(version.quiz.drawCount) : '',
      passMark: version.quiz ? String(version.quiz.passMark) : '',
      timeLimitMinutes: version.quiz?.timeLimitMinutes ? String(version.quiz.timeLimitMinutes) : '',
      maxAttempts: version.quiz?.maxAttempts ? String(version.quiz.maxAttempts) : '',
      ...(rule.lessonsRead ? { lessonsRead: 'on' } : {}),
      ...(rule.quizPassed ? { quizPassed: 'on' } : {}),
      ...(rule.practicalPassed ? { practicalPassed: 'on' } : {}),
      ...(rule.seminarAttended ? { seminarAttended: 'on' } : {}),
      ...(version.seminar?.required ? { seminarRequired: 'on' } : {}),
    });
    return {
      version,
      course,
      base,
      isDraft: version.status === 'draft',
      missing: describeProblems(problems, base, version),
      complete: problems.length === 0,
      lessons: version.lessons.map((lesson, i) => ({
        id: lesson.id,
        n: i + 1,
        title: lesson.title,
        durationMinutes: lesson.durationMinutes,
        gaps: languagesMissing([lesson.title, lesson.body]),
      })),
      questions: questions.map((q, i) => ({
        id: q.id,
        n: i + 1,
        multiple: q.multiple,
        options: q.options.length,
        cells: EDITOR_LANGUAGES.map((l) => ({
          lang: l,
          value: q.text[l] ?? '',
          missing: [q.text, ...q.options.map((o) => o.text), ...(q.explanation ? [q.explanation] : [])].some(
            (text) => missing(text)[l],
          ),
        })),
      })),
      hasQuiz: questions.length > 0,
      form: { values, errors: {} },
    };
  }

  /** The lesson page's model with the lesson's files (a new lesson has none yet). */
  private async lessonModel(ctx: RequestContext, version: VersionView, lessonId: string) {
    const files = lessonId === 'new' ? [] : await this.files.list(ctx, version.id, lessonId);
    return lessonModel(version, lessonId, files);
  }

  private questionModel(version: VersionView, questionId: string) {
    const questions = version.quiz?.questions ?? [];
    const index = questions.findIndex((q) => q.id === questionId);
    return {
      version,
      base: `/trainer/versions/${version.id}`,
      questionId,
      isNew: questionId === 'new',
      n: index < 0 ? questions.length + 1 : index + 1,
      rows: Array.from({ length: OPTION_ROWS }, (_, i) => ({ i, n: i + 1 })),
      languages: EDITOR_LANGUAGES,
    };
  }

  private rubricModel(version: VersionView) {
    return {
      version,
      base: `/trainer/versions/${version.id}`,
      rows: Array.from({ length: CRITERION_ROWS }, (_, i) => ({ i, n: i + 1 })),
      languages: EDITOR_LANGUAGES,
    };
  }

  private lessonOf(version: VersionView, lessonId: string) {
    if (!ITEM.test(lessonId)) throw new NotFound('Lesson', lessonId);
    if (lessonId === 'new') return undefined;
    const lesson = version.lessons.find((l) => l.id === lessonId);
    if (!lesson) throw new NotFound('Lesson', lessonId);
    return lesson;
  }

  private questionOf(version: VersionView, questionId: string) {
    if (!ITEM.test(questionId)) throw new NotFound('Question', questionId);
    if (questionId === 'new') return undefined;
    const question = version.quiz?.questions.find((q) => q.id === questionId);
    if (!question) throw new NotFound('Question', questionId);
    return question;
  }

  /** A version of a course the trainer may author (others' answer 404, like missing ones). */
  private async authored(ctx: RequestContext, id: string): Promise<VersionView> {
    const version = await this.versions.get(ctx, id);
    const course = await this.courses.get(ctx, version.courseId);
    if (!course.canAuthor) throw new NotFound('Course version', id);
    return version;
  }

  /** Only drafts are edited: a published version's editor links go back to the read-only view. */
  private async draft(ctx: RequestContext, id: string): Promise<VersionView> {
    const version = await this.authored(ctx, id);
    if (version.status !== 'draft') throw new NotFound('Draft', id);
    return version;
  }
}

/** The languages missing in any of the texts: what the lesson list marks. */
function languagesMissing(texts: Text[]) {
  return EDITOR_LANGUAGES.filter((l) => texts.some((text) => missing(text)[l]));
}
