import { ApiProperty } from '@nestjs/swagger';

export class CreatedCalendarFeed {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    description: 'The secret address for a calendar app (no sign-in needed); shown only now',
    example: 'https://lms.example/api/v1/calendar-feeds/3q2-…/sessions.ics',
  })
  url: string;
  @ApiProperty() createdAt: string;
}

export class CalendarFeedView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'When a calendar app last read it' })
  lastReadAt: string | null;
}

export class CalendarFeedList {
  @ApiProperty({ type: [CalendarFeedView] }) items: CalendarFeedView[];
  @ApiProperty() total: number;
}
