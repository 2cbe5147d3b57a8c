import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CleanText } from '../http/clean-text';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Languages every officer-facing text must exist in. */
export const OFFICER_LANGUAGES = ['kk', 'ru'] as const;
export type OfficerLanguage = (typeof OFFICER_LANGUAGES)[number];

export type LocalizedText = { kk: string; ru: string; en?: string };

/** A short localised text (titles): Kazakh and Russian required, English optional. */
export class LocalizedTitleDto implements LocalizedText {
  @ApiProperty() @CleanText() @IsString() @IsNotEmpty() @MaxLength(300) kk: string;
  @ApiProperty() @CleanText() @IsString() @IsNotEmpty() @MaxLength(300) ru: string;
  @ApiPropertyOptional() @IsOptional() @CleanText() @IsString() @MaxLength(300) en?: string;
}

/** Picks the text for a language, falling back to Russian, then Kazakh. */
export function pickText(text: Partial<LocalizedText> | null | undefined, language: Language): string {
  if (!text) return '';
  return text[language] || text.ru || text.kk || text.en || '';
}
