import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
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
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_OUTCOMES,
  DISTRUST_REASONS,
  OFFICER_QUALITIES,
  OPINION_SOURCES,
  SURVEY_TRUST_LEVELS,
} from '@lms/trust';

/** Form fields arrive as text: a number when it is one, else NaN (refused as "required"). */
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d{1,3}$/.test(value.trim()) ? Number(value) : Number.NaN;

/** The public feedback form (`/f/:code`). Messages are i18n keys shown beside each field. */
export class FeedbackForm {
  @Transform(toInt)
  @IsInt({ message: 'errors.required' })
  @Min(1, { message: 'errors.required' })
  @Max(5, { message: 'errors.required' })
  courtesy: number;

  @Transform(toInt)
  @IsInt({ message: 'errors.required' })
  @Min(1, { message: 'errors.required' })
  @Max(5, { message: 'errors.required' })
  clarity: number;

  @Transform(toInt)
  @IsInt({ message: 'errors.required' })
  @Min(1, { message: 'errors.required' })
  @Max(5, { message: 'errors.required' })
  fairness: number;

  @Transform(toInt)
  @IsIn([-1, 0, 1], { message: 'errors.required' })
  trustChange: number;

  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'errors.tooLong|1000' })
  comment?: string;

  @IsString()
  @MaxLength(200)
  challenge: string;

  @Transform(toInt)
  @IsInt({ message: 'errors.required' })
  answer: number;
}

/** A checkbox group arrives as one value or several: always a list. */
const toList = ({ value }: { value: unknown }): unknown[] =>
  value === undefined || value === '' ? [] : Array.isArray(value) ? (value as unknown[]) : [value];

/** The public survey form (`/s/:code`). */
export class SurveyForm {
  @IsIn(SURVEY_TRUST_LEVELS, { message: 'errors.required' })
  trustLevel: (typeof SURVEY_TRUST_LEVELS)[number];

  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(DISTRUST_REASONS.length)
  @IsIn(DISTRUST_REASONS, { each: true, message: 'errors.invalid' })
  distrustReasons: (typeof DISTRUST_REASONS)[number][];

  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsIn(OPINION_SOURCES, { message: 'errors.invalid' })
  opinionSource?: (typeof OPINION_SOURCES)[number];

  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(3, { message: 'trust.errors.threeQualities' })
  @IsIn(OFFICER_QUALITIES, { each: true, message: 'errors.invalid' })
  qualities: (typeof OFFICER_QUALITIES)[number][];

  @IsString()
  @MaxLength(200)
  challenge: string;

  @Transform(toInt)
  @IsInt({ message: 'errors.required' })
  answer: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** An empty optional field is absent. */
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

// applyDecorators applies its list first to last, stacked decorators apply bottom
// up: each list below is the stack read upwards, so the constraints (and the
// message a page shows first) come in the same order as when written stacked.

/** A text the form must have, at most `max` characters; messages are i18n keys. */
const RequiredText = (max: number) =>
  applyDecorators(
    MaxLength(max, { message: `errors.tooLong|${max}` }),
    MinLength(1, { message: 'errors.required' }),
    IsString(),
  );

/** A text the form may leave empty (sent as ''), at most `max` characters. */
const OptionalText = (max: number) =>
  applyDecorators(
    MaxLength(max, { message: `errors.tooLong|${max}` }),
    IsString(),
    IsOptional(),
    Transform(emptyToUndefined),
  );

/** A day as a date field sends it (`2026-12-31`). */
const FormDay = () =>
  applyDecorators(
    IsDateString({ strict: true }, { message: 'errors.invalid' }),
    Matches(DAY, { message: 'errors.required' }),
  );

/** HR records one complaint (`/staff/trust/complaints/new`): the register's columns. */
export class ComplaintForm {
  @OptionalText(60)
  number?: string;

  @FormDay()
  date: string;

  /** The unit's code (named so that the page shows it again when refused: fields named `…code` are never sent back). */
  @RequiredText(60)
  unit: string;

  @OptionalText(60)
  personnelNumber?: string;

  @IsIn(COMPLAINT_CATEGORIES, { message: 'errors.required' })
  category: (typeof COMPLAINT_CATEGORIES)[number];

  @IsIn(COMPLAINT_OUTCOMES, { message: 'errors.required' })
  outcome: (typeof COMPLAINT_OUTCOMES)[number];
}

/** HR opens a population survey (`/staff/trust/surveys/new`): the unit, the title in kk/ru (en optional), the period. */
export class SurveyOpenForm {
  @IsUUID('all', { message: 'errors.required' })
  unitId: string;

  @RequiredText(200)
  title_kk: string;

  @RequiredText(200)
  title_ru: string;

  @OptionalText(200)
  title_en?: string;

  @FormDay()
  opensOn: string;

  @FormDay()
  closesOn: string;
}

/** The trust report's file download (`/staff/trust/export`): the period, the format and the labels' language. */
export class TrustExportQuery {
  @IsOptional() @IsUUID() unitId?: string;
  @IsOptional() @Matches(DAY) from?: string;
  @IsOptional() @Matches(DAY) to?: string;
  @IsIn(['xlsx', 'pdf']) format: 'xlsx' | 'pdf';
  @IsOptional() @IsIn(['kk', 'ru', 'en']) lang?: 'kk' | 'ru' | 'en';
}
