import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@lms/core';
import { BOOKING_STATUSES, BookingStatus } from '../entities/seminar-booking.entity';

export class BookSeatDto {
  @ApiPropertyOptional({
    description: 'HR books for an officer of its units; an officer leaves it out (or gives their own id)',
  })
  @IsOptional()
  @IsUUID()
  officerId?: string;
}

export class MySessionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: BOOKING_STATUSES, description: 'Default: every booking except cancelled ones' })
  @IsOptional()
  @IsIn(BOOKING_STATUSES)
  status?: BookingStatus;
}
