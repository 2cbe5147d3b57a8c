import { Conflict, DomainError, FieldProblem, ValidationFailed } from '@lms/core';

/** Every problem code the catalogue library answers with (besides the common ones). */
export enum CatalogueProblem {
  CourseCodeTaken = 'course-code-taken',
  CourseNotPublished = 'course-not-published',
  ProgrammeCodeTaken = 'programme-code-taken',
  VersionNotDraft = 'version-not-draft',
  DraftExists = 'draft-exists',
  DifferentCourses = 'different-courses',
  InvalidCourseContent = 'invalid-course-content',
  VersionIncomplete = 'version-incomplete',
  NotCourseAuthor = 'not-course-author',
  NotProgrammeAuthor = 'not-programme-author',
  AttachmentTooLarge = 'attachment-too-large',
  AttachmentTypeForbidden = 'attachment-type-forbidden',
}

export class CourseCodeTaken extends Conflict {
  constructor(code: string) {
    super(CatalogueProblem.CourseCodeTaken, `A course with code ${code} already exists`);
  }
}

export class CourseNotPublished extends Conflict {
  /** `use`: what needs the published version, as in "publish one before assigning it". */
  constructor(courseId: string, use: string) {
    super(
      CatalogueProblem.CourseNotPublished,
      `Course ${courseId} has no published version yet; publish one before ${use}`,
    );
  }
}

export class VersionNotDraft extends Conflict {
  constructor(status: string) {
    super(
      CatalogueProblem.VersionNotDraft,
      `This version is ${status}; only a draft can be changed. Start a new draft instead.`,
    );
  }
}

export class DraftExists extends Conflict {
  constructor(draftVersionId: string) {
    super(CatalogueProblem.DraftExists, 'The course already has a draft; edit that one', { draftVersionId });
  }
}

export class InvalidContent extends ValidationFailed {
  constructor(problems: FieldProblem[]) {
    super('The version content is not valid', problems, CatalogueProblem.InvalidCourseContent);
  }
}

export class IncompleteVersion extends ValidationFailed {
  constructor(problems: FieldProblem[]) {
    super(
      `The version cannot be published yet: ${problems.length} thing(s) missing`,
      problems,
      CatalogueProblem.VersionIncomplete,
    );
  }
}

export class NotAnAuthor extends DomainError {
  constructor() {
    super(
      'forbidden',
      CatalogueProblem.NotCourseAuthor,
      'Only the course owner, trainers granted the course, and admins may author it',
    );
  }
}

export class NotAProgrammeAuthor extends DomainError {
  constructor() {
    super(
      'forbidden',
      CatalogueProblem.NotProgrammeAuthor,
      'Only the programme owner, trainers granted the programme, and national admins may change it',
    );
  }
}

export class AttachmentRejected extends DomainError {
  constructor(kind: 'payload-too-large' | 'unsupported-media-type', detail: string) {
    super(
      kind,
      kind === 'payload-too-large' ? CatalogueProblem.AttachmentTooLarge : CatalogueProblem.AttachmentTypeForbidden,
      detail,
    );
  }
}

export class ProgrammeCodeTaken extends Conflict {
  constructor(code: string) {
    super(CatalogueProblem.ProgrammeCodeTaken, `A programme with code ${code} already exists`);
  }
}
