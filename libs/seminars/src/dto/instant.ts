import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** An instant with its offset (`2026-12-01T09:00:00Z`, `...+05:00`): a bare local time would be ambiguous. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export const IsInstant = () =>
  applyDecorators(
    Matches(INSTANT, { message: ({ property }) => `${property} must be an ISO 8601 instant with Z or an offset` }),
    IsISO8601({ strict: true }),
  );

/**
 * Compares with another instant of the same object: `after` (strictly later)
 * or `notAfter` (at or before). Absent or unparseable values are left to their own checks.
 */
function compareWith(property: string, relation: 'after' | 'notAfter', options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: relation === 'after' ? 'isAfter' : 'isNotAfter',
      target: target.constructor,
      propertyName,
      constraints: [property],
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[property];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          const [mine, theirs] = [Date.parse(value), Date.parse(other)];
          if (Number.isNaN(mine) || Number.isNaN(theirs)) return true;
          return relation === 'after' ? mine > theirs : mine <= theirs;
        },
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be ${relation === 'after' ? 'after' : 'at or before'} ${property}`,
      },
    });
}

export const IsAfter = (property: string) => compareWith(property, 'after');
export const IsNotAfter = (property: string) => compareWith(property, 'notAfter');
