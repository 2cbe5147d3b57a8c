import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AuditService, cleanText, NotFound, RequestContext, TransactionHost, ValidationFailed } from '@lms/core';
import { AttachmentRejected } from '../catalogue.errors';
import { AttachmentView } from '../dto/course.response';
import { CourseService } from './course.service';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Allowed types, each recognised by its first bytes as well as by the declared type. */
const SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  'application/pdf': (h) => h.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  'image/gif': (h) => h.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (h) =>
    h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
};
export const ATTACHMENT_TYPES = Object.keys(SIGNATURES);

/** Lesson files (PDF, images), kept in the database. Owns `course_attachment`. */
@Injectable()
export class AttachmentService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly courses: CourseService,
    private readonly audit: AuditService,
  ) {}

  async upload(
    ctx: RequestContext,
    courseId: string,
    fileName: string | undefined,
    contentType: string | undefined,
    body: Readable,
  ): Promise<AttachmentView> {
    const { row: course } = await this.courses.find(ctx, courseId);
    await this.courses.requireAuthor(ctx, course);
    const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
    const matches = SIGNATURES[type];
    if (!matches)
      throw new AttachmentRejected(
        'unsupported-media-type',
        `Attachments may be ${Object.keys(SIGNATURES).join(', ')}, not ${type || 'unknown'}`,
      );
    const name = cleanText(fileName ?? '');
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
    if (!/^[^\\/:*?"<>|\u0000-\u001f]{1,200}$/.test(name)) {
      throw new ValidationFailed('The file name is missing or not allowed', [
        { field: 'fileName', message: 'give a plain file name of up to 200 characters' },
      ]);
    }
    const data = await readLimited(body, MAX_ATTACHMENT_BYTES);
    if (!matches(data)) throw new AttachmentRejected('unsupported-media-type', `The file content is not ${type}`);
    const sha256 = createHash('sha256').update(data).digest('hex');
    return this.tx.withTransaction(async () => {
      const [row] = await this.tx.query<{ id: string; created_at: Date }>(
        `INSERT INTO course_attachment (course_id, file_name, content_type, size, sha256, data, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
        [courseId, name, type, data.length, sha256, data, ctx.userId],
      );
      await this.audit.record(ctx, {
        action: 'course-attachment.upload',
        entityType: 'course_attachment',
        entityId: row.id,
        after: { courseId, name, type, size: data.length, sha256 },
      });
      return {
        id: row.id,
        courseId,
        fileName: name,
        contentType: type,
        size: data.length,
        sha256,
        createdAt: row.created_at,
      };
    });
  }

  /** Any signed-in user may fetch files of courses they can see. */
  async download(ctx: RequestContext, id: string) {
    const [row] = await this.tx.query<{ course_id: string; file_name: string; content_type: string; data: Buffer }>(
      'SELECT course_id, file_name, content_type, data FROM course_attachment WHERE id = $1',
      [id],
    );
    if (!row) throw new NotFound('Attachment', id);
    const { canAuthor } = await this.courses.find(ctx, row.course_id);
    // Others get a file only when a version they can read (published or archived) has it in a lesson.
    if (!canAuthor) {
      const [referenced] = await this.tx.query(
        `SELECT 1 FROM course_version v
           CROSS JOIN jsonb_array_elements(v.content->'lessons') lesson
           CROSS JOIN jsonb_array_elements(coalesce(lesson->'attachments', '[]'::jsonb)) file
         WHERE v.course_id = $1 AND v.status <> 'draft' AND file->>'attachmentId' = $2 LIMIT 1`,
        [row.course_id, id],
      );
      if (!referenced) throw new NotFound('Attachment', id);
    }
    return { fileName: row.file_name, contentType: row.content_type, data: row.data };
  }
}

/**
 * Reads a stream into memory up to `limit` bytes. Past the limit it keeps
 * reading without storing (so the client gets its 413 rather than a reset
 * connection), and gives up on the connection only far beyond it.
 */
async function readLimited(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit * 5) stream.destroy();
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit)
    throw new AttachmentRejected('payload-too-large', `Attachments may be at most ${limit / 1024 / 1024} MB`);
  if (size === 0) throw new ValidationFailed('The file is empty', [{ field: 'body', message: 'is empty' }]);
  return Buffer.concat(chunks);
}
