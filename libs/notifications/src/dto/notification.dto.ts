import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { Language, LANGUAGES, Page, PageOf, PageQuery } from '@lms/core';
import { EMAIL_STATUSES, EmailStatus } from '../entities/notification.entity';
import { NOTIFICATION_KINDS, NotificationKind } from '../notification-kinds';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class MyNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the unread ones' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of the titles and texts (default: yours)' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

export class SentNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only those to this officer' })
  @IsOptional()
  @IsUUID()
  officerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only those of this unit and the units under it' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: NotificationKind;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of the titles (default ru)' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

export class EmailRecord {
  @ApiProperty({ enum: EMAIL_STATUSES }) status: EmailStatus;
  @ApiProperty({ type: String, nullable: true, description: 'When the SMTP server accepted it (or it was logged)' })
  sentAt: string | null;
}

export class SentEmailRecord extends EmailRecord {
  @ApiProperty({ type: String, nullable: true, description: 'The address it went to' }) to: string | null;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({ description: 'The subject, in the requested language' }) title: string;
  @ApiProperty({ description: 'The text, paragraphs separated by blank lines' }) body: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The facts the text was made from' })
  payload: Record<string, unknown>;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) readAt: string | null;
  @ApiProperty({ type: EmailRecord }) email: EmailRecord;
}

export const NotificationPage = PageOf(NotificationView);
export type NotificationPage = Page<NotificationView>;

export class UnreadCount {
  @ApiProperty({ type: 'integer', description: 'Unread notifications in your whole inbox' }) unread: number;
}

export class ReadReceipt {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() readAt: string;
}

export class SentRecipient {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) officerId: string | null;
  @ApiProperty({ type: String, nullable: true }) officerName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) userId: string | null;
  @ApiProperty({ type: String, nullable: true }) username: string | null;
}

export class SentNotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty() title: string;
  @ApiProperty({ type: SentRecipient }) recipient: SentRecipient;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) readAt: string | null;
  @ApiProperty({ type: SentEmailRecord }) email: SentEmailRecord;
}

export const SentNotificationPage = PageOf(SentNotificationView);
export type SentNotificationPage = Page<SentNotificationView>;
