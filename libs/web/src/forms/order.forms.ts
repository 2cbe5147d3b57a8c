import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '@lms/personnel';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An empty optional field is absent. */
const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
/** A checkbox group arrives as one value or several: always a list. */
const toList = ({ value }: { value: unknown }): unknown[] =>
  value === undefined || value === '' ? [] : Array.isArray(value) ? (value as unknown[]) : [value];
/** A whole number typed in a text field, else NaN (refused); empty is absent. */
const toOptionalInt = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : typeof value === 'string' && /^\d{1,4}$/.test(value.trim())
      ? Number(value)
      : Number.NaN;

// As in trust.forms.ts: each list is the decorator stack read upwards.
const RequiredText = (max: number) =>
  applyDecorators(
    MaxLength(max, { message: `errors.tooLong|${max}` }),
    MinLength(1, { message: 'errors.required' }),
    IsString({ message: 'errors.required' }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
  );
export const OptionalText = (max: number) =>
  applyDecorators(
    MaxLength(max, { message: `errors.tooLong|${max}` }),
    IsString(),
    IsOptional(),
    Transform(emptyToUndefined),
  );
const RequiredDay = () =>
  applyDecorators(
    IsDateString({ strict: true }, { message: 'errors.invalid' }),
    Matches(DAY, { message: 'errors.required' }),
  );
const OptionalDay = () => applyDecorators(RequiredDay(), IsOptional(), Transform(emptyToUndefined));
const OptionalCount = (max: number) =>
  applyDecorators(
    Max(max, { message: 'errors.invalid' }),
    Min(1, { message: 'errors.invalid' }),
    IsInt({ message: 'errors.invalid' }),
    IsOptional(),
    Transform(toOptionalInt),
  );
const Uuids = (max: number) =>
  applyDecorators(
    IsUUID('all', { each: true, message: 'errors.invalid' }),
    ArrayUnique({ message: 'errors.invalid' }),
    ArrayMaxSize(max, { message: 'errors.invalid' }),
    IsArray(),
    Transform(toList),
  );

/** Who the rules concern (units with their subtrees, service types, ranks): empty means "any"; a group left unchecked is not sent, hence the defaults. */
export class AudienceFields {
  @Uuids(500)
  unitIds: string[] = [];

  @IsIn(SERVICE_TYPES, { each: true, message: 'errors.invalid' })
  @ArrayUnique({ message: 'errors.invalid' })
  @IsArray()
  @Transform(toList)
  serviceTypes: ServiceType[] = [];

  @MaxLength(100, { each: true, message: 'errors.invalid' })
  @IsString({ each: true, message: 'errors.invalid' })
  @ArrayUnique({ message: 'errors.invalid' })
  @ArrayMaxSize(100, { message: 'errors.invalid' })
  @IsArray()
  @Transform(toList)
  ranks: string[] = [];
}

/** HR records an order (`/hr/orders/new`); with courses, audience and deadline its rules come in the same step. */
export class OrderForm extends AudienceFields {
  @RequiredText(50)
  number: string;

  @RequiredDay()
  date: string;

  @RequiredText(500)
  title: string;

  @OptionalText(300)
  issuingAuthority?: string;

  @Uuids(50)
  courseIds: string[] = [];

  @OptionalDay()
  deadline?: string;

  @OptionalCount(120)
  periodicityMonths?: number;
}

/** A correction of a recorded order (its page): the number and the date stay. */
export class OrderEditForm {
  @RequiredText(500)
  title: string;

  @OptionalText(300)
  issuingAuthority?: string;

  @OptionalDay()
  deadline?: string;
}

/** A rule for an existing order (`/hr/orders/:id/rules/new`): one course, the audience, one due policy, a recurrence. */
export class RuleForm extends AudienceFields {
  @IsUUID('all', { message: 'errors.required' })
  courseId: string;

  @OptionalDay()
  dueDate?: string;

  @OptionalCount(3650)
  dueInDays?: number;

  @OptionalCount(240)
  recurrenceMonths?: number;
}

/** HR assigns one officer a course by hand (officer page). */
export class AssignForm {
  @IsUUID('all', { message: 'errors.required' })
  courseId: string;

  @RequiredDay()
  dueDate: string;

  /** Why (kept in the audit trail); named apart from the exemption form's reason on the same page. */
  @OptionalText(500)
  assignReason?: string;
}

/** HR exempts an officer from an open assignment, with the reason (officer page). */
export class ExemptionForm {
  @RequiredText(500)
  reason: string;
}
