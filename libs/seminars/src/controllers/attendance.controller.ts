import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '@lms/core';
import { AttendanceEntryDto, AttendanceListPipe } from '../dto/attendance.dto';
import { AttendanceService } from '../services/attendance.service';

@ApiTags('seminars')
@Controller('sessions')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  /** Marks (or corrects) booked officers once the session has started; anyone not booked: 422, nothing written. */
  @Put(':id/attendance')
  @Roles('trainer', 'hr')
  @ApiBody({ type: [AttendanceEntryDto] })
  record(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(AttendanceListPipe) entries: AttendanceEntryDto[],
  ) {
    return this.attendance.record(ctx, id, entries);
  }
}
