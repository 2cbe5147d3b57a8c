import { Readable } from 'node:stream';
import { Get, Param, ParseUUIDPipe, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AttachmentService, CourseVersionService, LessonFileService, MAX_ATTACHMENT_BYTES } from '@lms/catalogue';
import { Ctx, NotFound, RequestContext, Roles } from '@lms/core';
import { FileOrTooLarge, fileTooLarge } from '../http/file-or-too-large';
import { FormRejected } from '../http/form-rejected';
import { Action, Form, redirectTo, WebController } from '../http/page.decorators';
import { sendAttachment } from '../http/send-attachment';
import { fileRefusal, lessonModel, lessonValues, previews } from '../trainer/lesson-page';

/**
 * A draft lesson's files in the version editor: upload one (PDF or image,
 * as the API accepts them; a refusal is shown beside the file field),
 * download it, take it off the lesson. Officers reach the files of the
 * published version from their lesson page.
 */
@WebController()
export class TrainerLessonFilesController {
  constructor(
    private readonly files: LessonFileService,
    private readonly versions: CourseVersionService,
    private readonly attachments: AttachmentService,
  ) {}

  /** The form's token travels in its address, as for every file upload (the body is read after the guards). */
  @Post('trainer/versions/:id/lessons/:lessonId/files')
  @Roles('trainer')
  @Form('trainer/lesson', 'trainer.lesson.title')
  @UseInterceptors(
    FileOrTooLarge('file', {
      // Browsers send a file's name in UTF-8 (Kazakh and Russian names), not busboy's default latin1.
      defParamCharset: 'utf8',
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 2 },
    }),
  )
  async upload(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
    @UploadedFile() file: { buffer: Buffer; originalname: string; mimetype: string } | undefined,
    @Req() request: Request,
  ) {
    if (fileTooLarge(request)) throw await this.refused(ctx, id, lessonId, 'editor.files.tooLarge');
    if (!file || file.buffer.length === 0) throw await this.refused(ctx, id, lessonId, 'editor.files.choose');
    try {
      await this.files.attach(ctx, id, lessonId, {
        name: file.originalname,
        type: file.mimetype,
        body: Readable.from([file.buffer]),
      });
    } catch (error) {
      const reason = fileRefusal(error);
      if (reason === null) throw error;
      throw await this.refused(ctx, id, lessonId, reason);
    }
    return redirectTo(`/trainer/versions/${id}/lessons/${lessonId}#files`, 'fileAttached');
  }

  @Post('trainer/versions/:id/lessons/:lessonId/files/:attachmentId/delete')
  @Roles('trainer')
  @Action()
  async remove(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ) {
    await this.files.detach(ctx, id, lessonId, attachmentId);
    return redirectTo(`/trainer/versions/${id}/lessons/${lessonId}#files`, 'fileRemoved');
  }

  /** A lesson file for its course's authors, drafts' files included; as a download, never inline. */
  @Get('trainer/attachments/:id')
  @Roles('trainer')
  async download(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    sendAttachment(response, await this.attachments.download(ctx, id));
  }

  /** The lesson page again, as stored, with the reason beside the file field. */
  private async refused(ctx: RequestContext, id: string, lessonId: string, reason: string) {
    const version = await this.versions.get(ctx, id);
    const lesson = version.lessons.find((l) => l.id === lessonId);
    if (!lesson || version.status !== 'draft') return new NotFound('Lesson', lessonId);
    const model = lessonModel(version, lessonId, await this.files.list(ctx, id, lessonId));
    return new FormRejected(
      { values: lessonValues(lesson), errors: { file: reason } },
      { ...model, preview: previews(lesson.body) },
    );
  }
}
