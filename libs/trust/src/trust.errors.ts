import { DomainError, ValidationFailed } from '@lms/core';

/** Every problem code the trust library answers with (besides the common ones). */
export enum TrustProblem {
  HumanCheckFailed = 'human-check-failed',
  FeedbackLimit = 'feedback-limit',
  AddressLimit = 'address-limit',
  SurveyClosed = 'survey-closed',
  ComplaintImportInvalid = 'complaint-import-invalid',
  ComplaintInvalid = 'complaint-invalid',
  RefresherRuleExists = 'refresher-rule-exists',
}

/** The sum was wrong, answered too soon, stale or forged: the `humanCheck` field fails. */
export class HumanCheckFailed extends ValidationFailed {
  constructor(readonly verdict: string) {
    super(
      'The check that a person fills in the form failed; answer the sum again',
      [{ field: 'answer', message: verdict === 'wrong' ? 'errors.humanWrong' : 'errors.humanRetry' }],
      TrustProblem.HumanCheckFailed,
    );
  }
}

export class TooManyForOfficer extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      'too-many-requests',
      TrustProblem.FeedbackLimit,
      'This officer has had too much feedback in the last hour; try later',
      {
        retryAfterSeconds,
      },
    );
  }
}

export class TooManyFromAddress extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      'too-many-requests',
      TrustProblem.AddressLimit,
      'Too many answers from this address in the last hour; try later',
      {
        retryAfterSeconds,
      },
    );
  }
}

export class SurveyClosed extends DomainError {
  constructor() {
    super('conflict', TrustProblem.SurveyClosed, 'This survey is not open today');
  }
}
