import { ClassConstructor } from 'class-transformer';
import { checkedInstance } from '@lms/core';
import { HumanCheckFailed } from '@lms/trust';
import { FormRejected } from '../http/form-rejected';

/**
 * The public forms (feedback, survey) validated here rather than by the
 * global pipe, so that a refused form comes back with its page's model (who
 * the code names, a new sum) beside the errors and what was typed.
 */
export async function checkedForm<T extends object>(
  type: ClassConstructor<T>,
  body: Record<string, unknown>,
  model: () => Promise<object>,
): Promise<T> {
  const { instance: form, problems } = await checkedInstance(type, body, { whitelist: true });
  if (!problems.length) return form;
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const field = problem.field.split(/[.[]/)[0];
    errors[field] ??= /^(trust\.)?errors\./.test(problem.message) ? problem.message : 'errors.invalid';
  }
  throw FormRejected.of(body, errors, undefined, (await model()) as Record<string, unknown>);
}

/** A failed human check as the sum's field message, the page shown again with a new sum. */
export async function humanCheckRejected(
  error: unknown,
  body: unknown,
  model: () => Promise<object>,
): Promise<unknown> {
  if (!(error instanceof HumanCheckFailed)) return error;
  const message = error.verdict === 'wrong' ? 'trust.errors.humanWrong' : 'trust.errors.humanRetry';
  return FormRejected.of(body, { answer: message }, undefined, (await model()) as Record<string, unknown>);
}
