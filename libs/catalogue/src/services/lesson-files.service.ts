import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { NotFound, RequestContext, TransactionHost } from '@lms/core';
import { VersionNotDraft } from '../catalogue.errors';
import { AttachmentView } from '../dto/course.response';
import { VersionContentDto } from '../dto/version-content.dto';
import { AttachmentService } from './attachment.service';
import { CourseVersionService } from './course-version.service';
import { Lesson } from './version-content';

/** A file as a lesson lists it: the stored file's facts, without its bytes. */
export type LessonFileView = Omit<AttachmentView, 'sha256' | 'courseId'>;

/**
 * A draft lesson's files in one step each: upload and link (or unlink) in one
 * transaction, so that a refused file or a failed update leaves neither a
 * stored file nor a changed draft. The editor's pages use it; the API keeps
 * its two calls (`POST /courses/:id/attachments`, then `PATCH`).
 */
@Injectable()
export class LessonFileService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly versions: CourseVersionService,
    private readonly attachments: AttachmentService,
  ) {}

  /** Stores the file in the course and adds it to the end of the lesson's list (titled by its name). */
  async attach(
    ctx: RequestContext,
    versionId: string,
    lessonId: string,
    file: { name: string | undefined; type: string | undefined; body: Readable },
  ): Promise<AttachmentView> {
    return this.tx.withTransaction(async () => {
      const { row, lesson } = await this.draftLesson(ctx, versionId, lessonId);
      const stored = await this.attachments.upload(ctx, row.course_id, file.name, file.type, file.body);
      const title = { kk: stored.fileName, ru: stored.fileName, en: stored.fileName };
      await this.replaceLesson(ctx, versionId, row.content.lessons, {
        ...lesson,
        attachments: [...lesson.attachments, { kind: 'file', attachmentId: stored.id, title }],
      });
      return stored;
    });
  }

  /** Takes a file off the draft's lesson; the stored file stays (published versions may link it). */
  async detach(ctx: RequestContext, versionId: string, lessonId: string, attachmentId: string): Promise<void> {
    await this.tx.withTransaction(async () => {
      const { row, lesson } = await this.draftLesson(ctx, versionId, lessonId);
      const kept = lesson.attachments.filter((a) => a.kind !== 'file' || a.attachmentId !== attachmentId);
      if (kept.length === lesson.attachments.length) throw new NotFound('Attachment', attachmentId);
      await this.replaceLesson(ctx, versionId, row.content.lessons, { ...lesson, attachments: kept });
    });
  }

  /** The stored facts of the lesson's files, in the lesson's order. */
  async list(ctx: RequestContext, versionId: string, lessonId: string): Promise<LessonFileView[]> {
    const { row } = await this.versions.find(ctx, versionId);
    const lesson = row.content.lessons.find((l) => l.id === lessonId);
    if (!lesson) throw new NotFound('Lesson', lessonId);
    const ids = lesson.attachments.filter((a) => a.kind === 'file').map((a) => a.attachmentId!);
    if (ids.length === 0) return [];
    const rows = await this.tx.query<{
      id: string;
      file_name: string;
      content_type: string;
      size: number;
      created_at: Date;
    }>(
      `SELECT id, file_name, content_type, size, created_at FROM course_attachment
        WHERE course_id = $1 AND id = ANY($2::uuid[])`,
      [row.course_id, ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids
      .map((id) => byId.get(id))
      .filter((r) => r !== undefined)
      .map((r) => ({
        id: r.id,
        fileName: r.file_name,
        contentType: r.content_type,
        size: r.size,
        createdAt: r.created_at,
      }));
  }

  /** The draft locked for the change, and its lesson (a missing one: 404). */
  private async draftLesson(ctx: RequestContext, versionId: string, lessonId: string) {
    const { row, canAuthor } = await this.versions.find(ctx, versionId, true);
    if (!canAuthor) throw new NotFound('Course version', versionId);
    if (row.status !== 'draft') throw new VersionNotDraft(row.status);
    const lesson = row.content.lessons.find((l) => l.id === lessonId);
    if (!lesson) throw new NotFound('Lesson', lessonId);
    return { row, lesson };
  }

  private async replaceLesson(ctx: RequestContext, versionId: string, lessons: Lesson[], next: Lesson) {
    const patched = lessons.map((l) => (l.id === next.id ? next : l));
    await this.versions.update(ctx, versionId, { lessons: patched as unknown as VersionContentDto['lessons'] });
  }
}
