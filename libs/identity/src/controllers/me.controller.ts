import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnyRole, Ctx, RequestContext } from '@lms/core';
import { OfficerService } from '@lms/personnel';
import { TotpConfirmDto } from '../dto/auth.dto';
import { ChangePasswordDto } from '../dto/user.dto';
import { AllowLimited } from '../guards/access.guard';
import { AuthService } from '../services/auth.service';
import { SecondFactorService } from '../services/second-factor.service';
import { mapUser } from '../services/user.mapper';
import { UserService } from '../services/user.service';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UserService,
    private readonly officers: OfficerService,
    private readonly auth: AuthService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Get()
  @AnyRole()
  @AllowLimited()
  async me(@Ctx() ctx: RequestContext) {
    const user = mapUser((await this.users.byId(ctx.actor!.userId))!);
    const officer = user.officerId ? await this.officers.get(ctx, user.officerId) : null;
    return { ...user, officer };
  }

  @Post('password')
  @AnyRole()
  @AllowLimited()
  @HttpCode(200)
  changePassword(@Ctx() ctx: RequestContext, @Body() dto: ChangePasswordDto) {
    return this.auth.changePassword(ctx, dto.currentPassword, dto.newPassword);
  }

  @Post('totp')
  @AnyRole()
  @AllowLimited('mfa-enrolment')
  @HttpCode(200)
  beginTotp(@Ctx() ctx: RequestContext) {
    return this.secondFactor.begin(ctx, ctx.actor!.userId, ctx.actor!.username);
  }

  @Post('totp/confirm')
  @AnyRole()
  @AllowLimited('mfa-enrolment')
  @HttpCode(200)
  confirmTotp(@Ctx() ctx: RequestContext, @Body() dto: TotpConfirmDto) {
    return this.secondFactor.confirm(ctx, ctx.actor!.userId, dto.code);
  }
}
