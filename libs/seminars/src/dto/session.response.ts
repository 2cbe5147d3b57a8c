import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedText, LocalizedTitleDto } from '@lms/core';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../entities/seminar-attendance.entity';
import { BOOKING_STATUSES, type BookingStatus } from '../entities/seminar-booking.entity';
import {
  SESSION_LANGUAGES,
  SESSION_STATUSES,
  type SessionLanguage,
  type SessionStatus,
} from '../entities/seminar-session.entity';

export class LocationView {
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) room: string | null;
  @ApiProperty({ type: String, nullable: true }) onlineUrl: string | null;
}

export class SeminarSessionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ type: LocalizedTitleDto }) courseTitle: LocalizedTitleDto;
  @ApiProperty({ format: 'uuid', description: 'The published version the session teaches' }) courseVersionId: string;
  @ApiProperty({ format: 'uuid', description: 'The unit holding it' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiPropertyOptional({ type: LocalizedTitleDto, description: 'The unit’s name by language where given' })
  unitNames?: Partial<LocalizedText>;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ type: LocationView }) location: LocationView;
  @ApiProperty({ format: 'uuid' }) trainerUserId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The trainer’s username' }) trainerName: string | null;
  @ApiProperty({ type: 'integer' }) capacity: number;
  @ApiProperty({ type: 'integer', description: 'Seats taken' }) booked: number;
  @ApiProperty({ type: 'integer' }) waitlisted: number;
  @ApiProperty({ type: 'integer', description: 'Seats left' }) available: number;
  @ApiProperty({ enum: SESSION_LANGUAGES, enumName: 'SessionLanguage' }) language: SessionLanguage;
  @ApiProperty({ type: Date, nullable: true, description: 'No bookings after this' }) bookingDeadline: Date | null;
  @ApiProperty({ enum: SESSION_STATUSES, enumName: 'SessionStatus' }) status: SessionStatus;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class RosterAttendanceView {
  @ApiProperty({ enum: ATTENDANCE_STATUSES, enumName: 'AttendanceStatus' }) status: AttendanceStatus;
  @ApiProperty({ description: 'Hours credited' }) hours: number;
  @ApiProperty({ type: Date, nullable: true }) markedAt: Date | null;
}

/** One officer on a session's roster: seats first, then the waitlist in order. */
export class RosterEntryView {
  @ApiProperty({ format: 'uuid' }) bookingId: string;
  @ApiProperty({ format: 'uuid' }) officerId: string;
  @ApiProperty() personnelNumber: string;
  @ApiProperty() fullName: string;
  @ApiProperty() rank: string;
  @ApiProperty() position: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiPropertyOptional({ type: LocalizedTitleDto, description: 'The unit’s name by language where given' })
  unitNames?: Partial<LocalizedText>;
  @ApiProperty({ enum: BOOKING_STATUSES, enumName: 'BookingStatus' }) status: BookingStatus;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Place in the waitlist (1 is next)' })
  waitlistPosition: number | null;
  @ApiProperty() bookedAt: Date;
  @ApiProperty({ type: RosterAttendanceView, nullable: true }) attendance: RosterAttendanceView | null;
}

export class OwnAttendanceView {
  @ApiProperty({ enum: ATTENDANCE_STATUSES, enumName: 'AttendanceStatus' }) status: AttendanceStatus;
  @ApiProperty({ description: 'Hours credited' }) hours: number;
}

/** The caller's own booking on a session. */
export class OwnBookingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: BOOKING_STATUSES, enumName: 'BookingStatus' }) status: BookingStatus;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Place in the waitlist (1 is next); null with a seat' })
  position: number | null;
  @ApiProperty() bookedAt: Date;
  @ApiProperty({ type: OwnAttendanceView, nullable: true }) attendance: OwnAttendanceView | null;
}

/** A session with its roster (staff) or the caller's own booking (officers). */
export class SeminarSessionDetail extends SeminarSessionView {
  @ApiPropertyOptional({ type: [RosterEntryView], description: 'For trainers and HR' }) roster?: RosterEntryView[];
  @ApiPropertyOptional({ description: 'For trainers and HR: whether the caller may reschedule or cancel it' })
  mayManage?: boolean;
  @ApiPropertyOptional({ type: OwnBookingView, nullable: true, description: 'For officers' })
  myBooking?: OwnBookingView | null;
}

/** One of the signed-in officer's bookings, with its session. */
export class MySessionView extends OwnBookingView {
  @ApiProperty({ type: SeminarSessionView }) session: SeminarSessionView;
}

export class BookingResult {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) officerId: string;
  @ApiProperty({ enum: ['booked', 'waitlisted'] }) status: Extract<BookingStatus, 'booked' | 'waitlisted'>;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Place in the waitlist (1 is next); null with a seat' })
  position: number | null;
}

export class AttendanceResult {
  @ApiProperty({ format: 'uuid' }) officerId: string;
  @ApiProperty({ format: 'uuid' }) bookingId: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES, enumName: 'AttendanceStatus' }) status: AttendanceStatus;
  @ApiProperty({ description: 'Hours credited' }) hours: number;
  @ApiProperty({ description: 'Differs from what was recorded before' }) changed: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The enrolment’s status after the update, when reported' })
  enrollmentStatus: string | null;
}
