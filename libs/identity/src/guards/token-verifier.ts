import { createSecretKey, KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@lms/core';
import { TokenClaims } from '../services/token.service';

/** What checking a token's signature and expiry gave: its claims, or why not. */
export type Verified = { claims: TokenClaims } | { expired: boolean };

const VERIFIED = Symbol('lms:verified-token');
/** Tokens whose signature was checked, kept by their exact text (each is a few hundred bytes). */
const MAX_KNOWN = 10_000;

interface RequestWithVerified {
  [VERIFIED]?: { token: string; result: Verified };
}

/**
 * Checks a token's HS256 signature and expiry (no other algorithm, no
 * `alg: none`), once per request: the rate limit and the access guard both
 * need it, and the second asks for the same token. The secret is a key
 * object: given a string, jsonwebtoken first tries, and fails, to read it as
 * a public key on every call (measured at a sixth of a request's CPU).
 * A token whose signature held is remembered by its exact text until it
 * expires (the same bytes verify the same way; any other text is checked),
 * so a client's next request skips the HMAC and the parsing. Revocation is
 * not checked here: that is the account's business (AuthService).
 */
@Injectable()
export class TokenVerifier {
  private readonly key: KeyObject;
  private readonly known = new Map<string, TokenClaims>();

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret));
  }

  verify(request: object, token: string): Verified {
    const seen = (request as RequestWithVerified)[VERIFIED];
    if (seen?.token === token) return seen.result;
    const result = this.check(token);
    (request as RequestWithVerified)[VERIFIED] = { token, result };
    return result;
  }

  private check(token: string): Verified {
    const known = this.known.get(token);
    if (known && (known.exp ?? 0) * 1000 > Date.now()) return { claims: known };
    if (known) this.known.delete(token);
    try {
      // The typings say string or Buffer; jsonwebtoken takes a key object.
      const claims = this.jwt.verify<TokenClaims & object>(token, {
        secret: this.key as unknown as Buffer,
        algorithms: ['HS256'],
      });
      // Only tokens that expire are remembered (ours always do), and never past their expiry.
      if (typeof claims.exp === 'number') {
        if (this.known.size >= MAX_KNOWN) this.known.delete(this.known.keys().next().value!);
        this.known.set(token, claims);
      }
      return { claims };
    } catch (error) {
      return { expired: error instanceof Error && error.name === 'TokenExpiredError' };
    }
  }
}
