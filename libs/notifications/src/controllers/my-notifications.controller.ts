import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, ApiProblems, Ctx, RequestContext } from '@lms/core';
import { MyNotificationsQuery, NotificationPage, ReadReceipt, UnreadCount } from '../dto/notification.dto';
import { InboxService } from '../services/inbox.service';

@ApiTags('me')
@ApiProblems('Notifications', [])
@Controller('me/notifications')
export class MyNotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @AnyRole()
  @ApiOperation({
    summary: 'Your inbox',
    description:
      'What the system told you (reminders, overdue notices, seminar changes), newest first, in your language, and whether each was e-mailed. `unread=true`: only those not yet read.',
  })
  @ApiOkResponse({ type: NotificationPage })
  list(@Ctx() ctx: RequestContext, @Query() query: MyNotificationsQuery): Promise<NotificationPage> {
    return this.inbox.mine(ctx, query);
  }

  @Get('unread-count')
  @AnyRole()
  @ApiOperation({ summary: 'How many of your notifications are unread', description: 'For the badge on the inbox.' })
  @ApiOkResponse({ type: UnreadCount })
  unread(@Ctx() ctx: RequestContext): Promise<UnreadCount> {
    return this.inbox.unreadCount(ctx);
  }

  @Post(':id/read')
  @AnyRole()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notifications read', description: 'Not yours: 404.' })
  @ApiOkResponse({ type: ReadReceipt })
  read(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<ReadReceipt> {
    return this.inbox.markRead(ctx, id);
  }
}
