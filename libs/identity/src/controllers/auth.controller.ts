import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JsonBodyGuard, Public, Roles } from '@lms/core';
import { LoginDto } from '../dto/auth.dto';
import { AllowLimited } from '../guards/access.guard';
import { AuthenticatedActor, AuthService } from '../services/auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(JsonBodyGuard, AuthGuard('local'))
  @ApiOperation({
    summary: 'Sign in; 401 for wrong credentials, 415 for a body that is not JSON, 429 after repeated failures',
  })
  login(@Body() _body: LoginDto, @Req() request: { user: unknown }) {
    // The local strategy has already checked the credentials; its result is the token.
    return request.user;
  }

  @Post('logout')
  @HttpCode(204)
  @Roles('officer', 'trainer', 'hr', 'admin')
  @AllowLimited()
  async logout(@Req() request: { user: AuthenticatedActor }): Promise<void> {
    await this.auth.logout(request.user);
  }
}
