import { ApiProperty } from '@nestjs/swagger';
import { LocalizedTitleDto } from '@lms/core';
import { HumanChallengeView } from './feedback.response';

export class SurveyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() code: string;
  @ApiProperty({ example: 'https://lms.example.kz/s/7K2M9Q4TXW', description: 'The public link' }) url: string;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
  @ApiProperty({ example: '2026-03-01' }) opensOn: string;
  @ApiProperty({ example: '2026-03-31' }) closesOn: string;
  @ApiProperty({ type: Date, nullable: true, description: 'When HR closed it before the end of its period' })
  closedAt: Date | null;
  @ApiProperty() responses: number;
  @ApiProperty() createdAt: Date;
}

export class PublicSurveyView {
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
  @ApiProperty() unitName: string;
  @ApiProperty() closesOn: string;
  @ApiProperty({ type: HumanChallengeView }) challenge: HumanChallengeView;
}

export class AnswerShare {
  @ApiProperty({ example: 'corruption' }) answer: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent; null under 5 responses' }) share: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The thesis’s figure, percent; null where it gives none' })
  baseline: number | null;
}

export class SurveyResults {
  @ApiProperty({ type: SurveyView }) survey: SurveyView;
  @ApiProperty() responses: number;
  @ApiProperty() minimumResponses: number;
  @ApiProperty({ type: [AnswerShare], description: 'Share of all responses' }) trustLevels: AnswerShare[];
  @ApiProperty({ type: [AnswerShare], description: 'Share of responses that did not answer “trust” (multiple choice)' })
  distrustReasons: AnswerShare[];
  @ApiProperty({ type: [AnswerShare], description: 'Share of responses that named one' }) opinionSources: AnswerShare[];
  @ApiProperty({ type: [AnswerShare], description: 'Share of responses that named any (up to 3 each)' })
  qualities: AnswerShare[];
  @ApiProperty() baselineSource: string;
}
