import { Module, OnModuleInit } from '@nestjs/common';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { IdentityModule } from '@lms/identity';
import { JobRegistry } from '@lms/jobs';
import { NotificationsModule } from '@lms/notifications';
import { PersonnelModule } from '@lms/personnel';
import { AttendanceController } from './controllers/attendance.controller';
import { CalendarFeedController } from './controllers/calendar-feed.controller';
import { BookingController } from './controllers/booking.controller';
import { MySessionsController } from './controllers/my-sessions.controller';
import { SessionFilesController } from './controllers/session-files.controller';
import { SessionController } from './controllers/session.controller';
import { AttendanceService } from './services/attendance.service';
import { BookingService } from './services/booking.service';
import { CalendarService } from './services/calendar.service';
import { CalendarFeedService } from './services/calendar-feed.service';
import { MySessionsService } from './services/my-sessions.service';
import { SeminarNotices } from './services/seminar-notices';
import { RosterExportService } from './services/roster-export.service';
import { RosterService } from './services/roster.service';
import { SchedulingService } from './services/scheduling.service';
import { SeatLedger } from './services/seat-ledger';
import { SeminarHistoryService } from './services/seminar-history.service';
import { SeminarJobs } from './services/seminar-jobs';
import { SessionRemindersService } from './services/session-reminders.service';
import { SessionService } from './services/session.service';
import { TrainerCalendar } from './services/trainer-calendar';

/**
 * Seminar sessions, bookings with a waitlist, attendance, rosters and
 * calendars, secret calendar-feed URLs. Owns seminar_session, seminar_booking,
 * seminar_attendance and calendar_feed;
 * tells officers of changes through the notifications domain; reports attendance to enrolments through EnrollmentService.
 */
@Module({
  imports: [PersonnelModule, IdentityModule, CatalogueModule, AssignmentsModule, NotificationsModule],
  controllers: [
    SessionController,
    BookingController,
    AttendanceController,
    SessionFilesController,
    MySessionsController,
    CalendarFeedController,
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
    CalendarFeedService,
    MySessionsService,
    SeminarNotices,
    SessionRemindersService,
    SeminarJobs,
    SeminarHistoryService,
  ],
  exports: [
    SessionService,
    SchedulingService,
    BookingService,
    AttendanceService,
    MySessionsService,
    CalendarService,
    SeminarHistoryService,
    RosterExportService,
  ],
})
export class SeminarsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly seminarJobs: SeminarJobs,
  ) {}

  onModuleInit(): void {
    this.seminarJobs.register(this.jobs);
  }
}
