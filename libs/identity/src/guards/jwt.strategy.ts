import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
import { APP_CONFIG, AppConfig } from '@lms/core';
import { AuthenticatedActor, AuthService } from '../services/auth.service';
import { TokenClaims } from '../services/token.service';
import { tokenFrom } from './session-cookie';

/** Bearer tokens (or the page session cookie, see CookieSession): HS256 only (no `alg: none`, no other algorithm), checked against the account on every request. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: tokenFrom,
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: TokenClaims): Promise<AuthenticatedActor> {
    return this.auth.authenticate(claims);
  }
}
