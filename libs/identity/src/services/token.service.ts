import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig, TransactionHost } from '@lms/core';

/** Why a token may reach only a few routes until the user acts. */
export type TokenLimit = 'password-change' | 'mfa-enrolment';

export interface TokenClaims {
  sub: string;
  jti: string;
  /** The account's token_version when issued. */
  ver: number;
  lim?: TokenLimit;
  exp?: number;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(
    userId: string,
    tokenVersion: number,
    limit?: TokenLimit,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    const claims: TokenClaims = { sub: userId, jti: randomUUID(), ver: tokenVersion, ...(limit ? { lim: limit } : {}) };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtExpiresInSeconds });
    return { accessToken, expiresIn: this.config.jwtExpiresInSeconds };
  }

  async revoke(claims: TokenClaims): Promise<void> {
    const expiresAt = new Date((claims.exp ?? Date.now() / 1000 + this.config.jwtExpiresInSeconds) * 1000);
    await this.tx.query('INSERT INTO revoked_token (jti, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      claims.jti,
      expiresAt,
    ]);
    // Keep the table small: anything expired can no longer be presented anyway.
    await this.tx.query('DELETE FROM revoked_token WHERE expires_at < now()');
  }

  async isRevoked(jti: string): Promise<boolean> {
    const rows = await this.tx.query('SELECT 1 FROM revoked_token WHERE jti = $1', [jti]);
    return rows.length > 0;
  }
}
