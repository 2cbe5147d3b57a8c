import { Injectable } from '@nestjs/common';
import type { EnrollmentView } from '@lms/assignments';
import { CompletionRule, CourseService, CourseVersionService, VersionView } from '@lms/catalogue';
import { NotFound, RequestContext } from '@lms/core';

/**
 * The course version an officer reads for an enrolment: the pinned one once
 * started, else the course's current published version (the one that
 * starting would pin). Read as the officer, so no answer ever comes along.
 */
@Injectable()
export class EnrolmentVersions {
  constructor(
    private readonly courses: CourseService,
    private readonly versions: CourseVersionService,
  ) {}

  async of(ctx: RequestContext, enrolment: EnrollmentView): Promise<VersionView> {
    const id = enrolment.courseVersionId ?? (await this.courses.get(ctx, enrolment.courseId)).publishedVersionId;
    if (!id) throw new NotFound('Course version');
    return this.versions.get(ctx, id);
  }

  /** Completion rules of many enrolments (pinned version, or the course's published one), in one statement. */
  async rules(enrolments: EnrollmentView[]): Promise<Map<string, CompletionRule>> {
    const versionIds = [...new Set(enrolments.flatMap((e) => (e.courseVersionId ? [e.courseVersionId] : [])))];
    const courseIds = [...new Set(enrolments.flatMap((e) => (e.courseVersionId ? [] : [e.courseId])))];
    const { byVersion, byCourse } = await this.versions.completionRules(versionIds, courseIds);
    const rules = new Map<string, CompletionRule>();
    for (const enrolment of enrolments) {
      const rule = enrolment.courseVersionId
        ? byVersion.get(enrolment.courseVersionId)
        : byCourse.get(enrolment.courseId);
      if (rule) rules.set(enrolment.id, rule);
    }
    return rules;
  }
}
