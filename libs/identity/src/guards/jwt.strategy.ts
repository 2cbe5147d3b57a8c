import { createSecretKey } from 'node:crypto';
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
      // A key object (which jsonwebtoken takes, though the typings say string or Buffer): given either, it
      // first tries, and fails, to read the secret as a public key on every request.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: TokenClaims): Promise<AuthenticatedActor> {
    return this.auth.authenticate(claims);
  }
}
