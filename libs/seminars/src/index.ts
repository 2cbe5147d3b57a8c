export * from './entities/notification.entity';
export * from './entities/seminar-attendance.entity';
export * from './entities/seminar-booking.entity';
export * from './entities/seminar-session.entity';

import { NotificationEntity } from './entities/notification.entity';
import { SeminarAttendanceEntity } from './entities/seminar-attendance.entity';
import { SeminarBookingEntity } from './entities/seminar-booking.entity';
import { SeminarSessionEntity } from './entities/seminar-session.entity';
export const SEMINARS_ENTITIES = [
  SeminarSessionEntity,
  SeminarBookingEntity,
  SeminarAttendanceEntity,
  NotificationEntity,
];
