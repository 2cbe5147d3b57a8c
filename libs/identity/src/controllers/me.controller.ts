import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, ApiProblems, Ctx, RequestContext } from '@lms/core';
import { OfficerService } from '@lms/personnel';
import { TotpConfirmDto } from '../dto/auth.dto';
import { IssuedToken, RecoveryCodes, TotpEnrolment } from '../dto/auth.response';
import { ChangePasswordDto, ContactDto } from '../dto/user.dto';
import { ContactView, MeView } from '../dto/user.response';
import { AllowLimited } from '../guards/access.guard';
import { IdentityProblem } from '../identity.errors';
import { AuthService } from '../services/auth.service';
import { ContactService } from '../services/contact.service';
import { SecondFactorService } from '../services/second-factor.service';
import { mapUser } from '../services/user.mapper';
import { UserService } from '../services/user.service';

@ApiTags('me')
@ApiProblems('Identity', Object.values(IdentityProblem))
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UserService,
    private readonly officers: OfficerService,
    private readonly auth: AuthService,
    private readonly secondFactor: SecondFactorService,
    private readonly contacts: ContactService,
  ) {}

  @Get()
  @AnyRole()
  @AllowLimited()
  @ApiOperation({
    summary: 'Who am I',
    description: 'The signed-in user with their roles, and their personnel record when they are an officer.',
  })
  @ApiOkResponse({ type: MeView })
  async me(@Ctx() ctx: RequestContext): Promise<MeView> {
    const user = mapUser((await this.users.byId(ctx.actor!.userId))!);
    const officer = user.officerId ? await this.officers.get(ctx, user.officerId) : null;
    return { ...user, officer };
  }

  @Patch('contact')
  @AnyRole()
  @ApiOperation({
    summary: 'Your e-mail address and language for notifications',
    description: 'Without an address you still get every notification in your inbox. `null` removes a value.',
  })
  @ApiOkResponse({ type: ContactView })
  contact(@Ctx() ctx: RequestContext, @Body() dto: ContactDto): Promise<ContactView> {
    return this.contacts.updateOwn(ctx, dto);
  }

  @Post('password')
  @AnyRole()
  @AllowLimited()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change your password',
    description: 'Needs the current password; every older token stops working and a fresh token is returned.',
  })
  @ApiOkResponse({ type: IssuedToken })
  changePassword(@Ctx() ctx: RequestContext, @Body() dto: ChangePasswordDto) {
    return this.auth.changePassword(ctx, dto.currentPassword, dto.newPassword);
  }

  @Post('totp')
  @AnyRole()
  @AllowLimited('mfa-enrolment')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start second-factor enrolment',
    description: 'A new TOTP secret and its QR code; not active until confirmed. An active factor: 409.',
  })
  @ApiOkResponse({ type: TotpEnrolment })
  beginTotp(@Ctx() ctx: RequestContext) {
    return this.secondFactor.begin(ctx, ctx.actor!.userId, ctx.actor!.username);
  }

  @Post('totp/confirm')
  @AnyRole()
  @AllowLimited('mfa-enrolment')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm second-factor enrolment',
    description:
      'A code from the app and your current password activate the factor; the ten recovery codes are shown this once. A wrong password: 403 `wrong-current-password`, counted as a failed sign-in (lockout applies).',
  })
  @ApiOkResponse({ type: RecoveryCodes })
  confirmTotp(@Ctx() ctx: RequestContext, @Body() dto: TotpConfirmDto) {
    return this.secondFactor.confirm(ctx, ctx.actor!, dto.code, dto.currentPassword);
  }
}
