import { Module } from '@nestjs/common';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { IdentityModule } from '@lms/identity';
import { PersonnelModule } from '@lms/personnel';
import { AttendanceController } from './controllers/attendance.controller';
import { BookingController } from './controllers/booking.controller';
import { MySessionsController } from './controllers/my-sessions.controller';
import { SessionFilesController } from './controllers/session-files.controller';
import { SessionController } from './controllers/session.controller';
import { AttendanceService } from './services/attendance.service';
import { BookingService } from './services/booking.service';
import { CalendarService } from './services/calendar.service';
import { MySessionsService } from './services/my-sessions.service';
import { NotificationService } from './services/notification.service';
import { RosterExportService } from './services/roster-export.service';
import { RosterService } from './services/roster.service';
import { SchedulingService } from './services/scheduling.service';
import { SeatLedger } from './services/seat-ledger';
import { SeminarHistoryService } from './services/seminar-history.service';
import { SessionService } from './services/session.service';
import { TrainerCalendar } from './services/trainer-calendar';

/**
 * Seminar sessions, bookings with a waitlist, attendance, rosters and
 * calendars. Owns seminar_session, seminar_booking, seminar_attendance and
 * notification; reports attendance to enrolments through EnrollmentService.
 */
@Module({
  imports: [PersonnelModule, IdentityModule, CatalogueModule, AssignmentsModule],
  controllers: [
    SessionController,
    BookingController,
    AttendanceController,
    SessionFilesController,
    MySessionsController,
  ],
  providers: [
    SessionService,
    SchedulingService,
    BookingService,
    AttendanceService,
    SeatLedger,
    TrainerCalendar,
    RosterService,
    RosterExportService,
    CalendarService,
    MySessionsService,
    NotificationService,
    SeminarHistoryService,
  ],
  exports: [
    SessionService,
    SchedulingService,
    BookingService,
    AttendanceService,
    NotificationService,
    MySessionsService,
    CalendarService,
    SeminarHistoryService,
  ],
})
export class SeminarsModule {}
