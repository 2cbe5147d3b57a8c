import { Injectable } from '@nestjs/common';
import { JobRegistry } from '@lms/jobs';
import { SessionRemindersService } from './session-reminders.service';

/** The scheduled work of seminars, each a sweep that decides from the clock what is due. */
@Injectable()
export class SeminarJobs {
  constructor(private readonly reminders: SessionRemindersService) {}

  register(jobs: JobRegistry): void {
    jobs.defineSweep({
      name: 'seminars.session-reminders',
      cron: '*/15 * * * *',
      description: 'reminds booked officers the day before a session',
      sweep: async (asOf) => ({ sent: await this.reminders.sendDayBefore(asOf) }),
    });
    jobs.defineSweep({
      name: 'seminars.attendance-reminders',
      cron: '*/15 * * * *',
      description: 'asks trainers to mark attendance once a session has ended',
      sweep: async (asOf) => ({ sent: await this.reminders.sendAttendanceDue(asOf) }),
    });
  }
}
