import { Conflict, DomainError, FieldProblem, ValidationFailed } from '@lms/core';

export class CourseCodeTaken extends Conflict {
  constructor(code: string) {
    super('course-code-taken', `A course with code ${code} already exists`);
  }
}

export class CourseNotPublished extends Conflict {
  /** `use`: what needs the published version, as in "publish one before assigning it". */
  constructor(courseId: string, use: string) {
    super('course-not-published', `Course ${courseId} has no published version yet; publish one before ${use}`);
  }
}

export class VersionNotDraft extends Conflict {
  constructor(status: string) {
    super('version-not-draft', `This version is ${status}; only a draft can be changed. Start a new draft instead.`);
  }
}

export class DraftExists extends Conflict {
  constructor(draftVersionId: string) {
    super('draft-exists', 'The course already has a draft; edit that one', { draftVersionId });
  }
}

export class InvalidContent extends ValidationFailed {
  constructor(problems: FieldProblem[]) {
    super('The version content is not valid', problems, 'invalid-course-content');
  }
}

export class IncompleteVersion extends ValidationFailed {
  constructor(problems: FieldProblem[]) {
    super(`The version cannot be published yet: ${problems.length} thing(s) missing`, problems, 'version-incomplete');
  }
}

export class NotAnAuthor extends DomainError {
  constructor() {
    super(
      'forbidden',
      'not-course-author',
      'Only the course owner, trainers granted the course, and admins may author it',
    );
  }
}

export class AttachmentRejected extends DomainError {
  constructor(kind: 'payload-too-large' | 'unsupported-media-type', detail: string) {
    super(kind, kind === 'payload-too-large' ? 'attachment-too-large' : 'attachment-type-forbidden', detail);
  }
}

export class ProgrammeCodeTaken extends Conflict {
  constructor(code: string) {
    super('programme-code-taken', `A programme with code ${code} already exists`);
  }
}
