import { DomainError, ValidationFailed } from '@lms/core';
import type { FormState } from '../render/view-engine';
import type { PageMeta } from './page.decorators';

/** Fields never sent back into a page. */
const SECRET_FIELDS = /password|totp|recovery|code/i;

/**
 * A form refused for what was typed: its page is shown again (422) with
 * each field's message (an i18n key) and the values typed, passwords left out.
 */
export class FormRejected extends Error {
  /** The page to show again; the page interceptor fills it in from the handler's @Form. */
  page?: PageMeta;

  constructor(
    readonly form: FormState,
    readonly model: Record<string, unknown> = {},
    readonly status = 422,
  ) {
    super('form rejected');
  }

  static of(
    body: unknown,
    errors: Record<string, string>,
    message?: string,
    model?: Record<string, unknown>,
    status?: number,
  ) {
    return new FormRejected({ values: typedValues(body), errors, ...(message ? { message } : {}) }, model, status);
  }
}

export function typedValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && !SECRET_FIELDS.test(key)) values[key] = value.slice(0, 1000);
  }
  return values;
}

/** Domain codes whose field messages the pages know by key. */
const FIELD_MESSAGES: Record<string, string> = {
  'wrong-current-password': 'errors.wrongCurrentPassword',
};

/** The field messages of a validation error: i18n keys from the web DTOs, or known domain codes, else a generic one. */
export function fieldMessages(error: DomainError): Record<string, string> | null {
  const known = FIELD_MESSAGES[error.code];
  const list = error instanceof ValidationFailed ? error.errors : (error.extra.errors as ValidationFailed['errors']);
  if (error.kind !== 'validation' || !Array.isArray(list)) return null;
  const out: Record<string, string> = {};
  for (const problem of list) {
    const field = problem.field.split(/[.[]/)[0];
    out[field] ??= known ?? (problem.message.startsWith('errors.') ? problem.message : 'errors.invalid');
  }
  return out;
}
