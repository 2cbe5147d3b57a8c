import { ApiProperty } from '@nestjs/swagger';
import { LocalizedTitleDto } from '@lms/core';
import {
  ENROLLMENT_REASONS,
  ENROLLMENT_STATUSES,
  type EnrollmentReason,
  type EnrollmentStatus,
} from '../entities/enrollment.entity';

const REASON = {
  type: String,
  enum: ENROLLMENT_REASONS,
  nullable: true,
  description: 'Why it was made outside rules and orders: `complaint-refresher` after a substantiated complaint',
};
const REASON_DETAIL = { type: String, nullable: true, description: 'The complaint’s category, for a refresher' };

export class EnrollmentProgressView {
  @ApiProperty() lessonsRead: boolean;
  @ApiProperty() quizPassed: boolean;
  @ApiProperty() practicalPassed: boolean;
  @ApiProperty() seminarAttended: boolean;
  @ApiProperty({ type: [String], description: 'Lessons of the pinned version read so far' }) readLessonIds: string[];
  @ApiProperty({ description: 'Hours credited by seminar attendance' }) seminarHours: number;
}

export class EnrollmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) officerId: string;
  @ApiProperty() officerName: string;
  @ApiProperty() personnelNumber: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ type: LocalizedTitleDto }) courseTitle: LocalizedTitleDto;
  @ApiProperty({ type: 'integer', description: 'Recertification cycle, from 1' }) cycle: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Pinned when the officer starts' })
  courseVersionId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ruleId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) orderId: string | null;
  @ApiProperty({ enum: ENROLLMENT_STATUSES, enumName: 'EnrollmentStatus', description: '`overdue`: open and past due' })
  status: EnrollmentStatus;
  @ApiProperty({ type: EnrollmentProgressView }) progress: EnrollmentProgressView;
  @ApiProperty() assignedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) dueAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) startedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) completedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When the completion lapses; null: never' })
  expiresAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was exempted or withdrawn' })
  closedReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) closedBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) closedAt: Date | null;
  @ApiProperty(REASON) reason: EnrollmentReason | null;
  @ApiProperty(REASON_DETAIL) reasonDetail: string | null;
}

/** One of the signed-in officer's own enrolments. */
export class MyEnrollmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ type: LocalizedTitleDto }) courseTitle: LocalizedTitleDto;
  @ApiProperty({ type: 'integer' }) cycle: number;
  @ApiProperty({ enum: ENROLLMENT_STATUSES, enumName: 'EnrollmentStatus' }) status: EnrollmentStatus;
  @ApiProperty({ type: Date, nullable: true }) dueAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) completedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) expiresAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) courseVersionId: string | null;
  @ApiProperty(REASON) reason: EnrollmentReason | null;
  @ApiProperty(REASON_DETAIL) reasonDetail: string | null;
}
