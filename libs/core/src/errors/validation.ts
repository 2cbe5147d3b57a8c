import { ArgumentMetadata, HttpException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidatorOptions } from 'class-validator';
import { DomainError, FieldProblem, ValidationFailed } from './domain-error';

/** Flattens class-validator's tree into `a.b[0].c` paths, one entry per broken constraint. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ field, message });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/**
 * class-validator's own checks can throw on values they never expected (`isEmail`
 * runs `encodeURI` on a lone surrogate; `IsNumber` with decimal places reads
 * `5e-324` as having none): such a throw is the client's bad value, so a 422,
 * never a 500.
 */
class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof HttpException || error instanceof DomainError) throw error;
      throw new ValidationFailed('The request has invalid fields', [
        { field: metadata.data ?? metadata.type, message: UNCHECKABLE },
      ]);
    }
  }
}

/** What a value malformed beyond checking (see SafeValidationPipe) gives as a field problem. */
const UNCHECKABLE = 'a value could not be checked (malformed text or number)';

/**
 * For bodies checked outside the global pipe (a bare array, a page's form):
 * the instance and its problems, with the same protection as the pipe. Both
 * class-transformer (a nested object with a `constructor` key) and
 * class-validator can throw on a client's malformed value: that is one more
 * problem, never a 500.
 */
export async function checkedInstance<T extends object>(
  type: ClassConstructor<T>,
  plain: unknown,
  options: ValidatorOptions,
  prefix = '',
): Promise<{ instance: T; problems: FieldProblem[] }> {
  try {
    const instance = plainToInstance<T, unknown>(type, plain);
    return { instance, problems: flattenValidationErrors(await validate(instance, options), prefix) };
  } catch {
    return {
      instance: Object.create(type.prototype as object) as T,
      problems: [{ field: prefix || 'body', message: UNCHECKABLE }],
    };
  }
}

/** Bodies and query strings: whitelist, refuse unknown properties, convert types explicitly. */
export function createValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) =>
      new ValidationFailed('The request has invalid fields', flattenValidationErrors(errors)),
  });
}
