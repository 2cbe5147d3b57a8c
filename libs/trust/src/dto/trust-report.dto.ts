import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

export class TrustReportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The subtree; default: your own' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day (Asia/Almaty); default: a year before `to`' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last day; default: today' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx', 'pdf'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx', 'pdf'])
  format?: 'json' | 'csv' | 'xlsx' | 'pdf';

  @ApiPropertyOptional({ enum: ['kk', 'ru', 'en'], default: 'ru', description: 'The labels of the XLSX and PDF files' })
  @IsOptional()
  @IsIn(['kk', 'ru', 'en'])
  lang?: 'kk' | 'ru' | 'en';
}

export class ComplaintRates {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Substantiated' }) substantiated: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Per 100 officers' }) per100: number | null;
  @ApiProperty({ type: Number, nullable: true }) rudenessPer100: number | null;
  @ApiProperty({ type: Number, nullable: true }) corruptionPer100: number | null;
  @ApiProperty({ type: Number, nullable: true }) inactionPer100: number | null;
  @ApiProperty({ type: Number, nullable: true }) unlawfulForcePer100: number | null;
  @ApiProperty({ type: Number, nullable: true }) otherPer100: number | null;
}

export class FeedbackFigures {
  @ApiProperty() responses: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean 1-5; null under 5 responses' }) courtesy:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) clarity: number | null;
  @ApiProperty({ type: Number, nullable: true }) fairness: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent whose trust was raised' }) trustRaised:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent whose trust was lowered' }) trustLowered:
    number | null;
}

export class TrustRow {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ description: 'Officers not dismissed, today' }) officers: number;
  @ApiProperty({ type: FeedbackFigures }) feedback: FeedbackFigures;
  @ApiProperty({ type: ComplaintRates }) complaints: ComplaintRates;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Enrolments completed of those due (not withdrawn or exempted), percent',
  })
  trainingCompletion: number | null;
}

export class BeforeAfter {
  @ApiProperty({ description: 'Officers who completed a course and have feedback' }) officers: number;
  @ApiProperty() responsesBefore: number;
  @ApiProperty() responsesAfter: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Mean of courtesy, clarity and fairness before their first completion',
  })
  scoreBefore: number | null;
  @ApiProperty({ type: Number, nullable: true }) scoreAfter: number | null;
  @ApiProperty({ type: Number, nullable: true }) trustRaisedBefore: number | null;
  @ApiProperty({ type: Number, nullable: true }) trustRaisedAfter: number | null;
}

export class SurveyFigures {
  @ApiProperty() surveys: number;
  @ApiProperty() responses: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent who trust; null under 5' }) trust: number | null;
  @ApiProperty({ type: Number, nullable: true }) partly: number | null;
  @ApiProperty({ type: Number, nullable: true }) distrust: number | null;
  @ApiProperty({ description: 'The thesis’s figure: 64.3' }) baselineTrust: number;
}

export class TrustReport {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() minimumResponses: number;
  @ApiProperty({ type: [TrustRow] }) rows: TrustRow[];
  @ApiProperty({ type: TrustRow }) total: TrustRow;
  @ApiProperty({ type: BeforeAfter }) beforeAfter: BeforeAfter;
  @ApiProperty({ type: SurveyFigures }) survey: SurveyFigures;
}
