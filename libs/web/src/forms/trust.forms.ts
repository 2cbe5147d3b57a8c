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

/** HR records one complaint (`/staff/trust/complaints/new`): the register's columns. */
export class ComplaintForm {
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(60, { message: 'errors.tooLong|60' })
  number?: string;

  @Matches(DAY, { message: 'errors.required' })
  @IsDateString({ strict: true }, { message: 'errors.invalid' })
  date: string;

  /** The unit's code (named so that the page shows it again when refused: fields named `…code` are never sent back). */
  @IsString()
  @MinLength(1, { message: 'errors.required' })
  @MaxLength(60, { message: 'errors.tooLong|60' })
  unit: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(60, { message: 'errors.tooLong|60' })
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

  @IsString()
  @MinLength(1, { message: 'errors.required' })
  @MaxLength(200, { message: 'errors.tooLong|200' })
  title_kk: string;

  @IsString()
  @MinLength(1, { message: 'errors.required' })
  @MaxLength(200, { message: 'errors.tooLong|200' })
  title_ru: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'errors.tooLong|200' })
  title_en?: string;

  @Matches(DAY, { message: 'errors.required' })
  @IsDateString({ strict: true }, { message: 'errors.invalid' })
  opensOn: string;

  @Matches(DAY, { message: 'errors.required' })
  @IsDateString({ strict: true }, { message: 'errors.invalid' })
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
