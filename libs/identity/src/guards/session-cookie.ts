import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

/** The cookie that carries a page session: the same signed token as the API's bearer token. */
export const SESSION_COOKIE = 'lms_session';

const CREDENTIALS_KEY = 'lms:credentials';
export { CREDENTIALS_KEY };

/**
 * Routes of the web pages: the token comes from the session cookie, never
 * from an Authorization header, and API routes never accept the cookie (so
 * that a cookie cannot ride along on a cross-site request to the JSON API,
 * which has no CSRF tokens). On a public page a valid cookie still makes the
 * caller known, and an invalid one is ignored.
 */
export const CookieSession = () => SetMetadata(CREDENTIALS_KEY, 'cookie');

export interface RequestWithCredentials extends Request {
  lmsCredentials?: 'cookie' | 'bearer';
}

/** The token a request presents, from where its route takes credentials. */
export function tokenFrom(request: RequestWithCredentials): string | null {
  if (request.lmsCredentials === 'cookie') {
    const cookies = (request as { cookies?: Record<string, unknown> }).cookies;
    const value = cookies?.[SESSION_COOKIE];
    return typeof value === 'string' && value.length > 0 ? value : null;
  }
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1] : null;
}
