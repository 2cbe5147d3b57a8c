/**
 * Problem codes any route may answer: raised by the HTTP plumbing, validation
 * and the access guard rather than by one domain. Each library lists its own
 * in its `<library>.errors.ts`; the OpenAPI document lists both per operation.
 */
export enum CommonProblem {
  ValidationFailed = 'validation-failed',
  NotFound = 'not-found',
  BadRequest = 'bad-request',
  MalformedBody = 'malformed-body',
  UnreadableBody = 'unreadable-body',
  PayloadTooLarge = 'payload-too-large',
  UnsupportedMediaType = 'unsupported-media-type',
  Unauthenticated = 'unauthenticated',
  AccessDenied = 'access-denied',
  PasswordChangeRequired = 'password-change-required',
  SecondFactorEnrolmentRequired = 'second-factor-enrolment-required',
  OwnEnrollment = 'own-enrollment',
  InternalError = 'internal-error',
  RejectedValue = 'rejected-value',
  DatabaseUnavailable = 'database-unavailable',
}

/** One failing field of a request, as listed in a validation problem. */
export interface FieldProblem {
  field: string;
  message: string;
  /** For CSV and other line-based input. */
  line?: number;
}

export type ProblemKind =
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'too-many-requests'
  | 'bad-request'
  | 'unsupported-media-type'
  | 'payload-too-large';

const STATUS: Record<ProblemKind, number> = {
  validation: 422,
  'not-found': 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  'too-many-requests': 429,
  'bad-request': 400,
  'unsupported-media-type': 415,
  'payload-too-large': 413,
};

/**
 * Services throw these, never HTTP exceptions: the problem filter maps them to
 * RFC 9457 responses. `code` is stable and becomes the problem `type`.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly code: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  get status(): number {
    return STATUS[this.kind];
  }
}

export class ValidationFailed extends DomainError {
  constructor(
    detail: string,
    readonly errors: FieldProblem[],
    code: string = CommonProblem.ValidationFailed,
  ) {
    super('validation', code, detail, { errors });
  }
}

export class NotFound extends DomainError {
  constructor(entity: string, id?: string) {
    super('not-found', CommonProblem.NotFound, id ? `${entity} ${id} was not found` : `${entity} was not found`);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, detail: string, extra: Record<string, unknown> = {}) {
    super('conflict', code, detail, extra);
  }
}

/**
 * Separation of duties: nobody takes a staff decision (exempting, grading,
 * marking attendance, booking onto the session they lead) on their own enrolment.
 */
export class OwnEnrollment extends DomainError {
  constructor(what: string) {
    super('forbidden', CommonProblem.OwnEnrollment, `You cannot ${what} your own enrolment`);
  }
}

/** A request body over its configured size, found while it streamed in. */
export class BodyTooLarge extends DomainError {
  constructor(maxBytes: number) {
    super('payload-too-large', CommonProblem.PayloadTooLarge, `The body is larger than ${maxBytes} bytes`, {
      maxBytes,
    });
  }
}
