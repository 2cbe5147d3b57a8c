import { Module, OnModuleInit } from '@nestjs/common';
import { IdentityModule } from '@lms/identity';
import { JobRegistry } from '@lms/jobs';
import { PersonnelModule } from '@lms/personnel';
import { MyNotificationsController } from './controllers/my-notifications.controller';
import { SentNotificationsController } from './controllers/sent-notifications.controller';
import { EmailDelivery } from './services/email-delivery';
import { InboxService } from './services/inbox.service';
import { Mailer } from './services/mailer';
import { EMAIL_JOB, NotificationService } from './services/notification.service';

/**
 * What the system tells users: the inbox (`notification`) and its e-mails,
 * rendered from Handlebars templates in kk, ru and en and sent over SMTP by
 * the `notifications.email` job. Other domains call NotificationService in
 * their own transactions.
 */
@Module({
  imports: [PersonnelModule, IdentityModule],
  controllers: [MyNotificationsController, SentNotificationsController],
  providers: [NotificationService, InboxService, EmailDelivery, Mailer],
  // InboxService for the pages (the inbox page calls it like the API controllers do).
  exports: [NotificationService, InboxService],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly delivery: EmailDelivery,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ notificationId: string }>({
      name: EMAIL_JOB,
      description: 'e-mails one notification',
      handle: (data) => this.delivery.deliver(data.notificationId),
    });
  }
}
