import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CleanText } from '@lms/core';
import { HumanCheckedSubmission } from './human-check.dto';

/** A citizen's feedback after an encounter (public). */
export class SubmitFeedbackDto extends HumanCheckedSubmission {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'Was the officer polite?' })
  @IsInt()
  @Min(1)
  @Max(5)
  courtesy: number;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'Did the officer explain clearly what and why?' })
  @IsInt()
  @Min(1)
  @Max(5)
  clarity: number;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'Was the citizen treated fairly?' })
  @IsInt()
  @Min(1)
  @Max(5)
  fairness: number;

  @ApiProperty({
    enum: [-1, 0, 1],
    description: 'The encounter lowered (-1), did not change (0) or raised (1) trust in the police',
  })
  @IsIn([-1, 0, 1])
  trustChange: number;

  @ApiPropertyOptional({
    maxLength: 1000,
    description: 'Phone numbers and e-mail addresses in it are masked before storage',
  })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class FeedbackPeriodQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day (Asia/Almaty), inclusive' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last day, inclusive' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be YYYY-MM-DD' })
  to?: string;
}
