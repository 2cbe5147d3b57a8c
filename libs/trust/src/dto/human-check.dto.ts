import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { LANGUAGES, Language } from '@lms/core';

/** What every public answer carries: the signed sum of its form (the human check) and the page's language. */
export abstract class HumanCheckedSubmission {
  @ApiProperty({
    description: 'The `challenge.token` from the form’s GET route (`/feedback/{code}`, `/surveys/{code}`)',
  })
  @IsString()
  @MaxLength(200)
  challenge: string;

  @ApiProperty({ description: 'The sum the challenge asks for' })
  @IsInt()
  answer: number;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}
