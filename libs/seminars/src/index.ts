export * from './dto/attendance.dto';
export * from './dto/booking.dto';
export * from './dto/session.dto';
export * from './dto/session.response';
export * from './dto/trainer.dto';
export * from './dto/drill-training.dto';
export * from './entities/seminar-attendance.entity';
export * from './entities/seminar-booking.entity';
export * from './entities/seminar-session.entity';
export * from './seminars.errors';
export * from './seminars.module';
export * from './services/attendance.service';
export * from './services/booking-candidates.service';
export * from './services/booking.service';
export * from './services/calendar.service';
export * from './services/my-sessions.service';
export { RosterExportService } from './services/roster-export.service';
export type { OwnBooking } from './services/roster.service';
export * from './services/scheduling.service';
export * from './services/seminar-history.service';
export * from './services/seminar-notices';
export * from './services/session.service';
export * from './services/trainer-profile.service';
export * from './services/drill-training.service';
export type { SessionView } from './services/session.mapper';

import { CalendarFeedEntity } from './entities/calendar-feed.entity';
import { DrillAssignmentEntity, DrillParticipantEntity, DrillSessionEntity } from './entities/drill-session.entity';
import { TrainerQualificationEntity } from './entities/trainer-qualification.entity';
import { SeminarAttendanceEntity } from './entities/seminar-attendance.entity';
import { SeminarBookingEntity } from './entities/seminar-booking.entity';
import { SeminarSessionEntity } from './entities/seminar-session.entity';
export const SEMINARS_ENTITIES = [
  SeminarSessionEntity,
  SeminarBookingEntity,
  SeminarAttendanceEntity,
  CalendarFeedEntity,
  TrainerQualificationEntity,
  DrillAssignmentEntity,
  DrillSessionEntity,
  DrillParticipantEntity,
];
