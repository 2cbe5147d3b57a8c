import { Conflict, ValidationFailed } from '@lms/core';

export class OrderNumberTaken extends Conflict {
  constructor(number: string) {
    super('order-number-taken', `An order numbered ${number} already exists`);
  }
}

export class RuleExists extends Conflict {
  constructor(ruleId: string) {
    super('rule-exists', 'An identical active rule already exists', { ruleId });
  }
}

export class BadDuePolicy extends ValidationFailed {
  constructor(field: string, message: string) {
    super('The due policy is not valid', [{ field, message }], 'invalid-due-policy');
  }
}

export class EnrollmentClosed extends Conflict {
  constructor(status: string, action: string) {
    super('enrollment-closed', `The enrolment is ${status}; it cannot be ${action}`);
  }
}
