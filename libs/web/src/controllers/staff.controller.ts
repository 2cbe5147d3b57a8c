import { Get } from '@nestjs/common';
import { Roles } from '@lms/core';
import { Page, WebController } from '../http/page.decorators';

/** Trainers', HR's and administrators' home: a placeholder until their pages come. */
@WebController()
export class StaffController {
  @Get('staff')
  @Roles('trainer', 'hr')
  @Page('pages/staff', 'staff.title')
  home() {
    return {};
  }
}
