import { Module, OnModuleInit } from '@nestjs/common';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { IdentityModule } from '@lms/identity';
import { JobRegistry } from '@lms/jobs';
import { NotificationsModule } from '@lms/notifications';
import { PersonnelModule } from '@lms/personnel';
import { AttendanceController } from './controllers/attendance.controller';
import { CalendarFeedController } from './controllers/calendar-feed.controller';
import { DrillTrainingController } from './controllers/drill-training.controller';
import { BookingController } from './controllers/booking.controller';
import { MySessionsController } from './controllers/my-sessions.controller';
import { SessionFilesController } from './controllers/session-files.controller';
import { SessionController } from './controllers/session.controller';
import { TrainerController } from './controllers/trainer.controller';
import { AttendanceService } from './services/attendance.service';
import { BookingCandidates } from './services/booking-candidates.service';
import { BookingService } from './services/booking.service';
import { CalendarService } from './services/calendar.service';
import { CalendarFeedService } from './services/calendar-feed.service';
import { DrillTrainingService } from './services/drill-training.service';
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
import { TrainerProfileService } from './services/trainer-profile.service';

/**
 * Seminar sessions, bookings with a waitlist, attendance, rosters and
 * calendars, secret calendar-feed URLs, trainer profiles. Owns seminar_session, seminar_booking,
 * seminar_attendance, calendar_feed, trainer_qualification and the weekly
 * drills held in units (drill_assignment, drill_session, drill_participant);
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
    TrainerController,
    DrillTrainingController,
  ],
  providers: [
    SessionService,
    SchedulingService,
    BookingService,
    BookingCandidates,
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
    TrainerProfileService,
    DrillTrainingService,
  ],
  exports: [
    SessionService,
    SchedulingService,
    BookingService,
    BookingCandidates,
    AttendanceService,
    MySessionsService,
    CalendarService,
    SeminarHistoryService,
    RosterExportService,
    TrainerProfileService,
    DrillTrainingService,
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
