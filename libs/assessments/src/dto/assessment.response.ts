import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DraftTextDto } from '@lms/catalogue';
import { ATTEMPT_STATUSES, type AttemptStatus } from '../entities/quiz-attempt.entity';

export class PresentedOption {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: DraftTextDto }) text: DraftTextDto;
}

/** A drawn question as the officer sees it: never which options are right. */
export class PresentedQuestion {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: DraftTextDto }) text: DraftTextDto;
  @ApiProperty({ description: 'Several options may be chosen' }) multiple: boolean;
  @ApiProperty({ type: [PresentedOption], description: 'In the shuffled order of this attempt' })
  options: PresentedOption[];
}

/** An open attempt: the questions to answer and by when. */
export class OpenAttemptView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ type: 'integer', description: 'The attempt’s number, from 1' }) number: number;
  @ApiProperty({ enum: ATTEMPT_STATUSES, enumName: 'AttemptStatus' }) status: AttemptStatus;
  @ApiProperty() startedAt: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'null: no time limit' }) deadline: Date | null;
  @ApiProperty({ type: [PresentedQuestion] }) questions: PresentedQuestion[];
}

/** How an attempt went, without its questions. */
export class AttemptSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty({ enum: ATTEMPT_STATUSES, enumName: 'AttemptStatus' }) status: AttemptStatus;
  @ApiProperty() startedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) deadline: Date | null;
  @ApiProperty({ type: Date, nullable: true }) closedAt: Date | null;
  @ApiProperty({ type: 'integer' }) questionCount: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null while open' }) correctCount: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Rounded percent; null while open' })
  score: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) passed: boolean | null;
}

export class QuestionResultView {
  @ApiProperty({ format: 'uuid' }) questionId: string;
  @ApiProperty({ type: [String] }) chosenOptionIds: string[];
  @ApiPropertyOptional({ description: 'Once answers are revealed (until then a failed attempt shows only its score)' })
  answeredCorrectly?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Once answers are revealed' }) correctOptionIds?: string[];
  @ApiPropertyOptional({ type: DraftTextDto, nullable: true, description: 'Once answers are revealed' })
  explanation?: DraftTextDto | null;
}

/** A closed attempt with its per-question results. */
export class AttemptResultView extends AttemptSummary {
  @ApiProperty({ type: 'integer', description: 'Percent to pass' }) passMark: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: unlimited' }) attemptsLeft: number | null;
  @ApiProperty({ description: 'Right options and explanations shown: passed, or no attempts left' })
  answersRevealed: boolean;
  @ApiProperty({ type: [PresentedQuestion], description: 'The questions as the officer saw them' })
  questions: PresentedQuestion[];
  @ApiProperty({ type: [QuestionResultView] }) results: QuestionResultView[];
}

export class SubmittedAttemptView extends AttemptResultView {
  @ApiProperty({ description: 'The enrolment’s status after the submission (a pass may complete it)' })
  enrollmentStatus: string;
}

export class CriterionScoreView {
  @ApiProperty({ format: 'uuid' }) criterionId: string;
  @ApiProperty({ type: 'integer' }) score: number;
}

export class PracticalAssessmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ format: 'uuid' }) courseVersionId: string;
  @ApiProperty({ format: 'uuid' }) assessorUserId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The assessor’s username' }) assessorName: string | null;
  @ApiProperty({ type: [CriterionScoreView], description: 'Every criterion of the rubric' })
  scores: CriterionScoreView[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The scenario (revision) played' })
  scenarioId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Its code' }) scenarioCode: string | null;
  @ApiProperty({ type: [String], description: 'Automatic-fail behaviours seen; any one means not passed' })
  autoFail: string[];
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ description: 'Σ weight × score / maxScore, in percent, two decimals' }) score: number;
  @ApiProperty() passed: boolean;
  @ApiProperty() assessedAt: Date;
}

export class PracticalAssessmentResult extends PracticalAssessmentView {
  @ApiProperty({ type: 'integer', description: 'Percent needed to pass' }) passThreshold: number;
  @ApiProperty({ description: 'The enrolment’s status after the scoring (a pass may complete it)' })
  enrollmentStatus: string;
}
