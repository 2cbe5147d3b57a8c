import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LANGUAGES, Language } from '@lms/core';
import { normalizeUsername } from '@lms/identity';

/**
 * The pages' forms. Messages are i18n keys (`errors.*`, with `|n` for a
 * count) that the page shows beside the field in the user's language.
 */
const blankToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export class SignInForm {
  @Transform(({ value }) => normalizeUsername(value))
  @IsString({ message: 'errors.required' })
  @IsNotEmpty({ message: 'errors.required' })
  @MaxLength(200, { message: 'errors.tooLong|200' })
  username: string;

  @IsString({ message: 'errors.required' })
  @IsNotEmpty({ message: 'errors.required' })
  @MaxLength(200, { message: 'errors.tooLong|200' })
  password: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'errors.codeFormat' })
  totp?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(40, { message: 'errors.tooLong|40' })
  recoveryCode?: string;

  /** Where to go after signing in (a local path). */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  next?: string;
}

export class PasswordForm {
  @IsString({ message: 'errors.required' })
  @IsNotEmpty({ message: 'errors.required' })
  @MaxLength(200, { message: 'errors.tooLong|200' })
  currentPassword: string;

  @IsString({ message: 'errors.required' })
  @MinLength(10, { message: 'errors.tooShort|10' })
  @MaxLength(200, { message: 'errors.tooLong|200' })
  newPassword: string;

  @IsString({ message: 'errors.required' })
  @IsNotEmpty({ message: 'errors.required' })
  repeatPassword: string;
}

/** Only its shape: a wrong or malformed code is the service's answer, shown with the same QR code. */
export class SecondFactorForm {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s/g, '') : value))
  @IsString({ message: 'errors.codeFormat' })
  @MaxLength(20, { message: 'errors.codeFormat' })
  code: string;

  /** Asked again before a second factor is bound to the account. */
  @IsString({ message: 'errors.required' })
  @IsNotEmpty({ message: 'errors.required' })
  @MaxLength(200, { message: 'errors.tooLong|200' })
  currentPassword: string;
}

export class LanguageForm {
  @IsIn(LANGUAGES)
  lang: Language;

  /** The page to come back to (a local path). */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  back?: string;
}

/** A local path to go to after a form, or null: never another site (`//evil`, `https:`), never the sign-in loop. */
export function localPath(value: string | undefined | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a path must not hold
  if (/[\u0000-\u001f]/.test(value)) return null;
  return value;
}
