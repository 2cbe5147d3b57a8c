import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { ApiProblems, JsonBodyGuard, problemContent, Public, Roles } from '@lms/core';
import { LoginDto } from '../dto/auth.dto';
import { LoginResult } from '../dto/auth.response';
import { IdentityProblem } from '../identity.errors';
import { AllowLimited } from '../guards/access.guard';
import { AuthenticatedActor, AuthService } from '../services/auth.service';

@ApiTags('auth')
@ApiProblems('Identity', Object.values(IdentityProblem))
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(JsonBodyGuard, AuthGuard('local'))
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Username and password (and a TOTP or recovery code when the account has a second factor) for a bearer token. Wrong credentials: 401 `invalid-credentials`; repeated failures lock the username or the address: 429 with `Retry-After`.',
  })
  @ApiOkResponse({ type: LoginResult })
  @ApiUnauthorizedResponse({
    description: '`invalid-credentials`, or `second-factor-required`',
    content: problemContent(),
  })
  @ApiTooManyRequestsResponse({ description: '`too-many-login-attempts`', content: problemContent() })
  @ApiUnsupportedMediaTypeResponse({
    description: '`unsupported-media-type`: the body is not JSON',
    content: problemContent(),
  })
  login(@Body() _body: LoginDto, @Req() request: { user: unknown }) {
    // The local strategy has already checked the credentials; its result is the token.
    return request.user;
  }

  @Post('logout')
  @HttpCode(204)
  @Roles('officer', 'trainer', 'hr', 'admin')
  @AllowLimited()
  @ApiOperation({ summary: 'Sign out', description: 'Revokes the token at once.' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@Req() request: { user: AuthenticatedActor }): Promise<void> {
    await this.auth.logout(request.user);
  }
}
