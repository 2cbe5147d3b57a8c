import { Module } from '@nestjs/common';
import { AssignmentsModule } from '@lms/assignments';
import { CatalogueModule } from '@lms/catalogue';
import { IdentityModule } from '@lms/identity';
import { PersonnelModule } from '@lms/personnel';
import { SessionController } from './controllers/session.controller';
import { NotificationService } from './services/notification.service';
import { RosterService } from './services/roster.service';
import { SchedulingService } from './services/scheduling.service';
import { SeatLedger } from './services/seat-ledger';
import { SessionService } from './services/session.service';
import { TrainerCalendar } from './services/trainer-calendar';

/**
 * Seminar sessions, bookings with a waitlist, attendance, rosters and
 * calendars. Owns seminar_session, seminar_booking, seminar_attendance and
 * notification; reports attendance to enrolments through EnrollmentService.
 */
@Module({
  imports: [PersonnelModule, IdentityModule, CatalogueModule, AssignmentsModule],
  controllers: [SessionController],
  providers: [SessionService, SchedulingService, SeatLedger, TrainerCalendar, RosterService, NotificationService],
  exports: [SessionService, NotificationService],
})
export class SeminarsModule {}
