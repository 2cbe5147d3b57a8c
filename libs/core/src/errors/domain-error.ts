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
    code = 'validation-failed',
  ) {
    super('validation', code, detail, { errors });
  }
}

export class NotFound extends DomainError {
  constructor(entity: string, id?: string) {
    super('not-found', 'not-found', id ? `${entity} ${id} was not found` : `${entity} was not found`);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, detail: string, extra: Record<string, unknown> = {}) {
    super('conflict', code, detail, extra);
  }
}
