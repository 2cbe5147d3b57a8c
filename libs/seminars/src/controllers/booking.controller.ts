import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Ctx, RequestContext, Roles } from '@lms/core';
import { BookSeatDto } from '../dto/booking.dto';
import { BookingResult } from '../dto/session.response';
import { SEMINARS_ROUTE_PROBLEMS } from '../seminars.errors';
import { BookingService } from '../services/booking.service';

@ApiTags('seminars')
@ApiProblems('Seminars', SEMINARS_ROUTE_PROBLEMS)
@Controller()
export class BookingController {
  constructor(private readonly bookings: BookingService) {}

  @Post('sessions/:id/bookings')
  @Roles('officer', 'hr')
  @ApiOperation({
    summary: 'Book a seat',
    description:
      'A seat, or a place on the waitlist when the session is full. An officer books for themself, HR for an officer of its subtree; one active booking per officer and course, for an open enrolment.',
  })
  @ApiCreatedResponse({ type: BookingResult })
  book(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: BookSeatDto) {
    return this.bookings.book(ctx, id, dto.officerId);
  }

  @Delete('bookings/:id')
  @HttpCode(204)
  @Roles('officer', 'hr')
  @ApiOperation({
    summary: 'Cancel a booking',
    description: 'Gives the seat back; the first officer waiting takes it at once.',
  })
  @ApiNoContentResponse({ description: 'Cancelled' })
  async cancel(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.bookings.cancel(ctx, id);
  }
}
