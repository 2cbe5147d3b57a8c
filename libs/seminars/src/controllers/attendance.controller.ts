import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Ctx, RequestContext, Roles } from '@lms/core';
import { AttendanceEntryDto, AttendanceListPipe } from '../dto/attendance.dto';
import { AttendanceResult } from '../dto/session.response';
import { SEMINARS_ROUTE_PROBLEMS } from '../seminars.errors';
import { AttendanceService } from '../services/attendance.service';

@ApiTags('seminars')
@ApiProblems('Seminars', SEMINARS_ROUTE_PROBLEMS)
@Controller('sessions')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Put(':id/attendance')
  @Roles('trainer', 'hr')
  @ApiOperation({
    summary: 'Record attendance',
    description:
      'Marks (or corrects) booked officers once the session has started: present or late credits the seminar hours and reports the seminar attended to the enrolment. Anyone not booked: 422, nothing written.',
  })
  @ApiBody({ type: [AttendanceEntryDto] })
  @ApiOkResponse({ type: [AttendanceResult], description: 'One result per entry' })
  record(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(AttendanceListPipe) entries: AttendanceEntryDto[],
  ) {
    return this.attendance.record(ctx, id, entries);
  }
}
