import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { BookSeatDto } from '../dto/booking.dto';
import { BookingService } from '../services/booking.service';

@ApiTags('seminars')
@Controller()
export class BookingController {
  constructor(private readonly bookings: BookingService) {}

  /** A seat, or a place on the waitlist when the session is full: `{ id, status, position }`. */
  @Post('sessions/:id/bookings')
  @Roles('officer', 'hr')
  book(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: BookSeatDto) {
    return this.bookings.book(ctx, id, dto.officerId);
  }

  /** Gives the seat back; the first officer waiting takes it at once. */
  @Delete('bookings/:id')
  @HttpCode(204)
  @Roles('officer', 'hr')
  async cancel(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.bookings.cancel(ctx, id);
  }
}
