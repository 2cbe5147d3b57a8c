import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Ctx, RequestContext, Roles } from '@lms/core';
import { SentNotificationPage, SentNotificationsQuery } from '../dto/notification.dto';
import { InboxService } from '../services/inbox.service';

@ApiTags('notifications')
@ApiProblems('Notifications', [])
@Controller('notifications')
export class SentNotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @Roles('hr')
  @ApiOperation({
    summary: 'What was sent in your subtree',
    description:
      'Every notification to officers and staff of your units: to whom, when, whether it was read, and whether and where it was e-mailed.',
  })
  @ApiOkResponse({ type: SentNotificationPage })
  list(@Ctx() ctx: RequestContext, @Query() query: SentNotificationsQuery): Promise<SentNotificationPage> {
    return this.inbox.sent(ctx, query);
  }
}
