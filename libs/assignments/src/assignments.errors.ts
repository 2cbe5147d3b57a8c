import { Conflict, ValidationFailed } from '@lms/core';

/** Every problem code the assignments library answers with (besides the common ones). */
export enum AssignmentsProblem {
  OrderNumberTaken = 'order-number-taken',
  CourseNotPublished = 'course-not-published',
  RuleExists = 'rule-exists',
  InvalidDuePolicy = 'invalid-due-policy',
  EnrollmentClosed = 'enrollment-closed',
}

export class OrderNumberTaken extends Conflict {
  constructor(number: string) {
    super(AssignmentsProblem.OrderNumberTaken, `An order numbered ${number} already exists`);
  }
}

export class CourseNotPublished extends Conflict {
  constructor(courseId: string) {
    super(
      AssignmentsProblem.CourseNotPublished,
      `Course ${courseId} has no published version yet; publish it before assigning it`,
    );
  }
}

export class RuleExists extends Conflict {
  constructor(ruleId: string) {
    super(AssignmentsProblem.RuleExists, 'An identical active rule already exists', { ruleId });
  }
}

export class BadDuePolicy extends ValidationFailed {
  constructor(field: string, message: string) {
    super('The due policy is not valid', [{ field, message }], AssignmentsProblem.InvalidDuePolicy);
  }
}

export class EnrollmentClosed extends Conflict {
  constructor(status: string, action: string) {
    super(AssignmentsProblem.EnrollmentClosed, `The enrolment is ${status}; it cannot be ${action}`);
  }
}
