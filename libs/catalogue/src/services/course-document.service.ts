import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionHost } from '@lms/core';
import { VersionView } from '../dto/course-version.response';
import { CourseDocumentDto } from '../dto/course.dto';
import { CourseDocumentView } from '../dto/course.response';
import { InvalidContent } from '../catalogue.errors';
import { CourseService } from './course.service';
import { CourseVersionService } from './course-version.service';
import { applyPatch, emptyContent, structuralProblems, type Text } from './version-content';

export const DOCUMENT_FORMAT = 'lms-course-version/1';

/** A course version as one portable JSON document: to move a programme between installations or review it in version control. */
@Injectable()
export class CourseDocumentService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly courses: CourseService,
    private readonly versions: CourseVersionService,
  ) {}

  async export(ctx: RequestContext, versionId: string): Promise<CourseDocumentView> {
    const { row } = await this.versions.find(ctx, versionId);
    await this.versions.requireAuthor(ctx, row);
    const [course] = await this.tx.query<{ description: Text | null }>('SELECT description FROM course WHERE id = $1', [
      row.course_id,
    ]);
    return {
      format: DOCUMENT_FORMAT,
      course: { code: row.course_code, title: row.course_title, description: course.description ?? undefined },
      version: row.content,
      exportedFrom: { versionId: row.id, number: row.number, status: row.status },
    };
  }

  /** A new course from a document, as a draft (or published at once when asked and complete). */
  async import(ctx: RequestContext, document: CourseDocumentDto, publish: boolean): Promise<VersionView> {
    return this.tx.withTransaction(async () => {
      const content = applyPatch(emptyContent(), document.version);
      const problems = structuralProblems(content);
      if (problems.length > 0) throw new InvalidContent(problems.map((p) => ({ ...p, field: `version.${p.field}` })));
      const { draftVersionId } = await this.courses.create(ctx, document.course, content);
      return publish ? this.versions.publish(ctx, draftVersionId) : this.versions.get(ctx, draftVersionId);
    });
  }
}
