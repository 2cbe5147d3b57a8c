import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

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
