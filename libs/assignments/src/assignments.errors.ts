import { Conflict, DomainError, ValidationFailed } from '@lms/core';
import { CatalogueProblem } from '@lms/catalogue';

/** Every problem code the assignments library answers with (besides the common ones). */
export enum AssignmentsProblem {
  OrderNumberTaken = 'order-number-taken',
  RuleExists = 'rule-exists',
  InvalidDuePolicy = 'invalid-due-policy',
  EnrollmentClosed = 'enrollment-closed',
  OrderFromAbove = 'order-from-above',
}

/** What assignment routes answer besides the common codes: their own, and a course with no published version yet. */
export const ASSIGNMENTS_ROUTE_PROBLEMS: string[] = [
  ...Object.values(AssignmentsProblem),
  CatalogueProblem.CourseNotPublished,
];

export class OrderNumberTaken extends Conflict {
  constructor(number: string) {
    super(AssignmentsProblem.OrderNumberTaken, `An order numbered ${number} already exists`);
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

/** A rule executing an order of a unit above the caller's: only HR at the order's level may retire it. */
export class OrderFromAbove extends DomainError {
  constructor(orderId: string) {
    super(
      'forbidden',
      AssignmentsProblem.OrderFromAbove,
      `The rule executes order ${orderId}, issued above your units`,
      {
        orderId,
      },
    );
  }
}
