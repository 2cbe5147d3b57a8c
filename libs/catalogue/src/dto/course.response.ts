import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedTitleDto } from '@lms/core';
import { VERSION_STATUSES, type VersionStatus } from '../entities/course-version.entity';
import { VersionContentView } from './course-version.response';
import { DraftTextDto } from './version-content.dto';

export class CourseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CONFLICT-DEESC' }) code: string;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
  @ApiProperty({ type: DraftTextDto, nullable: true }) description: DraftTextDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerUserId: string | null;
  @ApiProperty({
    type: [Number],
    nullable: true,
    description: 'Days before a due date when officers are reminded; null: the global setting',
  })
  reminderDays: number[] | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The latest published version' })
  publishedVersionId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The draft, for those who may author' })
  draftVersionId: string | null;
  @ApiProperty({ description: 'The caller may edit the course and its drafts' }) canAuthor: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

/** A lesson file as stored: fetch it with `GET /attachments/{id}`. */
export class AttachmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty({ type: 'integer', description: 'Bytes' }) size: number;
  @ApiProperty() sha256: string;
  @ApiProperty() createdAt: Date;
}

export class ProgrammeCourseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
  @ApiProperty({ type: 'integer', description: 'Order in the programme, from 1' }) position: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) publishedVersionId: string | null;
}

export class ProgrammeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'MVD-COMM-2026' }) code: string;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
  @ApiProperty({ type: DraftTextDto, nullable: true }) description: DraftTextDto | null;
  @ApiProperty({ type: [ProgrammeCourseView], description: 'In order' }) courses: ProgrammeCourseView[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Its owner (null: national admins and granted trainers author it)',
  })
  ownerUserId: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class DocumentCourseView {
  @ApiProperty() code: string;
  @ApiProperty({ type: LocalizedTitleDto }) title: LocalizedTitleDto;
  @ApiPropertyOptional({ type: DraftTextDto }) description?: DraftTextDto;
}

export class DocumentOriginView {
  @ApiProperty({ format: 'uuid' }) versionId: string;
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty({ enum: VERSION_STATUSES, enumName: 'VersionStatus' }) status: VersionStatus;
}

/** A course version as a portable document; `POST /courses/import` takes it back. */
export class CourseDocumentView {
  @ApiProperty({ enum: ['lms-course-version/1'] }) format: 'lms-course-version/1';
  @ApiProperty({ type: DocumentCourseView }) course: DocumentCourseView;
  @ApiProperty({ type: VersionContentView }) version: VersionContentView;
  @ApiProperty({ type: DocumentOriginView }) exportedFrom: DocumentOriginView;
}
