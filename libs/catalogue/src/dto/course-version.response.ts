import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedTitleDto } from '@lms/core';
import { VERSION_STATUSES, type VersionStatus } from '../entities/course-version.entity';
import type {
  AttachmentRef,
  CompletionRule,
  Criterion,
  Lesson,
  Option,
  Question,
  Quiz,
  Rubric,
  VersionContent,
} from '../services/version-content';
import type { ItemChange, VersionDiff } from '../services/version-diff';
import { CompletionRuleDto, DraftTextDto } from './version-content.dto';

export class AttachmentRefView implements AttachmentRef {
  @ApiProperty({ enum: ['file', 'link'] }) kind: 'file' | 'link';
  @ApiPropertyOptional({ format: 'uuid', description: 'An uploaded file (kind file): `GET /attachments/{id}`' })
  attachmentId?: string;
  @ApiPropertyOptional({ description: 'A video or page link (kind link)' }) url?: string;
  @ApiPropertyOptional({ type: DraftTextDto }) title?: DraftTextDto;
}

export class LessonContent implements Lesson {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: DraftTextDto }) title: DraftTextDto;
  @ApiProperty({ type: DraftTextDto, description: 'Markdown, by language' }) body: DraftTextDto;
  @ApiProperty({ type: 'integer', nullable: true }) durationMinutes: number | null;
  @ApiProperty({ type: [AttachmentRefView] }) attachments: AttachmentRefView[];
}

export class LessonView extends LessonContent {
  @ApiProperty({ type: DraftTextDto, description: 'The body rendered to inert HTML, by language' })
  bodyHtml: DraftTextDto;
}

export class OptionView implements Omit<Option, 'correct'> {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: DraftTextDto }) text: DraftTextDto;
  @ApiPropertyOptional({ description: 'Only for those who may author the course' }) correct?: boolean;
}

export class QuestionView implements Omit<Question, 'options'> {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: DraftTextDto }) text: DraftTextDto;
  @ApiProperty({ description: 'Several options may be correct' }) multiple: boolean;
  @ApiProperty({ type: [OptionView] }) options: OptionView[];
  @ApiProperty({ type: DraftTextDto, nullable: true, description: 'Only for those who may author the course' })
  explanation: DraftTextDto | null;
}

export class QuizView implements Omit<Quiz, 'questions'> {
  @ApiProperty({
    type: [QuestionView],
    description: 'The bank, only for those who may author the course; empty for everyone else',
  })
  questions: QuestionView[];
  @ApiPropertyOptional({ type: 'integer', description: 'Questions in the bank' }) questionCount?: number;
  @ApiProperty({ type: 'integer', description: 'Questions drawn for each attempt' }) drawCount: number;
  @ApiProperty({ type: 'integer', description: 'Percent to pass' }) passMark: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: no time limit' }) timeLimitMinutes: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Attempts per version; null: unlimited' })
  maxAttempts: number | null;
}

export class CriterionView implements Criterion {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: DraftTextDto }) description: DraftTextDto;
  @ApiProperty({ description: 'Share of the total, in percent' }) weight: number;
  @ApiProperty({ type: 'integer', description: 'Scores run from 0 to this' }) maxScore: number;
}

export class RubricView implements Rubric {
  @ApiProperty({ type: [CriterionView] }) criteria: CriterionView[];
  @ApiProperty({ type: 'integer', description: 'Percent of the weighted maximum needed to pass' })
  passThreshold: number;
}

export class SeminarRequirementView {
  @ApiProperty() required: boolean;
  @ApiProperty({ description: 'Hours credited for attending' }) hours: number;
}

/** Everything a version holds, as one portable document. */
export class VersionContentView implements Omit<VersionContent, 'quiz'> {
  @ApiProperty({ type: [DraftTextDto], description: 'Learning objectives' }) objectives: DraftTextDto[];
  @ApiProperty({ type: [LessonContent] }) lessons: LessonContent[];
  @ApiProperty({ type: QuizView, nullable: true }) quiz: QuizView | null;
  @ApiProperty({ type: RubricView, nullable: true }) rubric: RubricView | null;
  @ApiProperty({ type: SeminarRequirementView, nullable: true }) seminar: SeminarRequirementView | null;
  @ApiProperty({ type: CompletionRuleDto, description: 'What an enrolment must meet to complete' })
  completionRule: CompletionRule;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Months a completion stays valid; null: forever' })
  validityMonths: number | null;
}

/** A course version; the quiz's answers only for those who may author the course. */
export class VersionView extends VersionContentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ type: LocalizedTitleDto }) courseTitle: LocalizedTitleDto;
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty({ enum: VERSION_STATUSES, enumName: 'VersionStatus' }) status: VersionStatus;
  @ApiProperty({ type: [LessonView] }) declare lessons: LessonView[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) publishedBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) publishedAt: Date | null;
}

/** One line of a course's version history. */
export class VersionHistoryEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty({ enum: VERSION_STATUSES, enumName: 'VersionStatus' }) status: VersionStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Username' }) createdBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: String, nullable: true, description: 'Username' }) publishedBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) publishedAt: Date | null;
}

export class ItemChangeView implements ItemChange {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) change: 'added' | 'removed' | 'changed';
  @ApiPropertyOptional({ type: [String], description: 'For changed items: which parts differ' }) fields?: string[];
}

export class SettingChangeView {
  @ApiProperty({ example: 'quiz.passMark' }) field: string;
  @ApiProperty({ nullable: true, description: 'The older value (any JSON)' }) from: unknown;
  @ApiProperty({ nullable: true, description: 'The newer value (any JSON)' }) to: unknown;
}

export class VersionDiffView implements VersionDiff {
  @ApiProperty({ type: 'integer', description: 'The older version’s number' }) from: number;
  @ApiProperty({ type: 'integer', description: 'This version’s number' }) to: number;
  @ApiProperty({ type: [ItemChangeView] }) lessons: ItemChangeView[];
  @ApiProperty({ type: [ItemChangeView] }) questions: ItemChangeView[];
  @ApiProperty({ type: [ItemChangeView] }) criteria: ItemChangeView[];
  @ApiProperty({ type: [SettingChangeView] }) settings: SettingChangeView[];
  @ApiProperty({ type: [String], example: ['2 lessons changed', 'quiz.passMark changed'] }) summary: string[];
}
