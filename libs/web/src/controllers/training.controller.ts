import { Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { EnrollmentService, EnrollmentView } from '@lms/assignments';
import { AttachmentService, VersionView } from '@lms/catalogue';
import { CertificateService } from '@lms/certificates';
import { Ctx, NotFound, RequestContext, Roles } from '@lms/core';
import { PageContext } from '../http/page-context';
import { Action, Page, redirectTo, WebController } from '../http/page.decorators';
import { PageCtx } from '../http/page-params';
import { sendAttachment } from '../http/send-attachment';
import { completionNeeds } from '../officer/completion';
import { EnrolmentVersions } from '../officer/enrolment-versions';
import { trainingGroups } from '../officer/training-list';

const OPEN = new Set(['assigned', 'in_progress', 'overdue']);

/** The officer's training: the list, a course with its lessons and what completion still needs, each lesson. */
@WebController()
export class TrainingController {
  constructor(
    private readonly enrollments: EnrollmentService,
    private readonly certificates: CertificateService,
    private readonly versions: EnrolmentVersions,
    private readonly attachments: AttachmentService,
  ) {}

  @Get('me/training')
  @Roles('officer')
  @Page('officer/training', 'training.title')
  async list(@Ctx() ctx: RequestContext) {
    const officerId = ctx.actor?.officerId;
    if (!officerId) return { groups: trainingGroups([], new Map(), new Map()), empty: true };
    // Independent reads, asked at once (a page's GET runs outside any transaction).
    const [{ items }, { items: certificates }] = await Promise.all([
      this.enrollments.list(ctx, { officerId, limit: 500, offset: 0 }),
      this.certificates.list(ctx, { officerId, limit: 500, offset: 0 }),
    ]);
    const groups = trainingGroups(
      items,
      await this.versions.rules(items),
      new Map(certificates.map((c) => [c.enrollmentId, { id: c.id, serial: c.serial, valid: c.valid }])),
    );
    return { groups, empty: items.length === 0 };
  }

  @Get('me/training/:id')
  @Roles('officer')
  @Page('officer/course', 'course.lessons')
  async course(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @PageCtx() page: PageContext) {
    const enrolment = await this.own(ctx, id);
    const version = await this.versions.of(ctx, enrolment);
    page.title = titleOf(enrolment, page);
    const read = new Set(enrolment.progress.readLessonIds);
    const lessons = version.lessons.map((lesson, index) => ({
      id: lesson.id,
      number: index + 1,
      title: lesson.title,
      durationMinutes: lesson.durationMinutes,
      read: read.has(lesson.id),
    }));
    const firstUnread = lessons.find((lesson) => !lesson.read) ?? null;
    const certificate = enrolment.status === 'completed' ? await this.certificateOf(ctx, enrolment) : null;
    return {
      enrolment,
      open: OPEN.has(enrolment.status),
      version: { number: version.number, objectives: version.objectives },
      lessons,
      lessonsRead: lessons.filter((lesson) => lesson.read).length,
      firstUnread,
      needs: completionNeeds(version.completionRule, enrolment.progress),
      quizOptional: version.quiz !== null && !version.completionRule.quizPassed,
      certificate,
    };
  }

  @Get('me/training/:id/lessons/:lessonId')
  @Roles('officer')
  @Page('officer/lesson', 'course.lessons')
  async lesson(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
    @PageCtx() page: PageContext,
  ) {
    const enrolment = await this.own(ctx, id);
    const version = await this.versions.of(ctx, enrolment);
    const index = version.lessons.findIndex((lesson) => lesson.id === lessonId);
    if (index < 0) throw new NotFound('Lesson', lessonId);
    const lesson = version.lessons[index];
    page.title = `${page.t('course.lesson', { n: index + 1, total: version.lessons.length })} · ${titleOf(enrolment, page)}`;
    return {
      enrolment,
      open: OPEN.has(enrolment.status),
      lesson: { ...lesson, attachments: lesson.attachments.map(attachmentLink) },
      number: index + 1,
      total: version.lessons.length,
      previous: version.lessons[index - 1]?.id ?? null,
      next: version.lessons[index + 1]?.id ?? null,
      read: enrolment.progress.readLessonIds.includes(lesson.id),
    };
  }

  /** Marks the lesson read (pinning the version on the first one) and goes on to the next lesson, or back to the course. */
  @Post('me/training/:id/lessons/:lessonId/read')
  @Roles('officer')
  @Action()
  async markRead(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
  ) {
    const before = await this.own(ctx, id);
    const version = await this.versions.of(ctx, before);
    const after = await this.enrollments.markLessonRead(ctx, id, lessonId);
    const index = version.lessons.findIndex((lesson) => lesson.id === lessonId);
    const next = version.lessons[index + 1];
    if (after.status === 'completed') return redirectTo(`/me/training/${id}`, 'courseCompleted');
    return next
      ? redirectTo(`/me/training/${id}/lessons/${next.id}`, 'lessonRead')
      : redirectTo(`/me/training/${id}`, 'lessonRead');
  }

  /** A lesson file, as a download (nothing in it runs in the page). */
  @Get('me/attachments/:id')
  @Roles('officer')
  async attachment(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    sendAttachment(response, await this.attachments.download(ctx, id));
  }

  /** The officer's own enrolment; anyone else's answers 404 like a missing one (the service's scope). */
  private async own(ctx: RequestContext, id: string): Promise<EnrollmentView> {
    const enrolment = await this.enrollments.get(ctx, id);
    if (enrolment.officerId !== ctx.actor?.officerId) throw new NotFound('Enrolment', id);
    return enrolment;
  }

  private async certificateOf(ctx: RequestContext, enrolment: EnrollmentView) {
    const { items } = await this.certificates.list(ctx, {
      officerId: enrolment.officerId,
      courseId: enrolment.courseId,
      limit: 50,
      offset: 0,
    });
    return items.find((c) => c.enrollmentId === enrolment.id) ?? null;
  }
}

function titleOf(enrolment: EnrollmentView, page: PageContext): string {
  const title = enrolment.courseTitle;
  return title[page.lang] || title.ru || title.kk || enrolment.courseCode;
}

type Attachment = VersionView['lessons'][number]['attachments'][number];

/** Files through our download route; links only when they are web addresses. */
function attachmentLink(attachment: Attachment) {
  if (attachment.kind === 'file' && attachment.attachmentId) {
    return { href: `/me/attachments/${attachment.attachmentId}`, title: attachment.title, external: false };
  }
  const url = attachment.url ?? '';
  return /^https?:\/\//i.test(url) ? { href: url, title: attachment.title, external: true } : null;
}
