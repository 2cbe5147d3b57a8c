import { createHmac, randomUUID } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { doubleCsrf, DoubleCsrfUtilities } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig, DomainError } from '@lms/core';
import { cookie, cookieOptions, CSRF_COOKIE, SESSION_COOKIE, setVisitorCookie, VISITOR_COOKIE } from './cookies';

export const CSRF_FIELD = '_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CsrfRefused extends DomainError {
  constructor() {
    super('forbidden', 'csrf-token-invalid', 'The form token is missing or does not match; reload the page');
  }
}

/**
 * Double-submit CSRF tokens (csrf-csrf): an HMAC of a random value and the
 * session (or, before sign-in, the visitor cookie), sent both as an HttpOnly
 * cookie and in each form. A form posted from another site has the cookie but
 * cannot know the token.
 */
@Injectable()
export class CsrfTokens {
  private readonly csrf: DoubleCsrfUtilities;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const secret = createHmac('sha256', config.jwtSecret).update('lms-csrf').digest('base64url');
    this.csrf = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (request) => cookie(request, SESSION_COOKIE) ?? cookie(request, VISITOR_COOKIE) ?? '',
      cookieName: CSRF_COOKIE,
      cookieOptions: { sameSite: 'lax', path: '/', httpOnly: true, secure: false },
      getCsrfTokenFromRequest: (request) => {
        const body = request.body as Record<string, unknown> | undefined;
        // A file upload's body is read after the guards, so its form carries the token in its address.
        const value = request.is('multipart/form-data') ? request.query[CSRF_FIELD] : body?.[CSRF_FIELD];
        return typeof value === 'string' ? value : null;
      },
    });
  }

  /** The token for this request's forms (a visitor cookie is set first when there is no session). */
  issue(request: Request, response: Response): string {
    if (!cookie(request, SESSION_COOKIE) && !cookie(request, VISITOR_COOKIE)) {
      setVisitorCookie(request, response, randomUUID());
    }
    return this.csrf.generateCsrfToken(request, response, {
      cookieOptions: { ...cookieOptions(request), secure: request.secure },
    });
  }

  valid(request: Request): boolean {
    return this.csrf.validateRequest(request);
  }
}

/** Every unsafe request to a page must carry the form's token; the field is then removed from the body. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly tokens: CsrfTokens) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE.has(request.method)) return true;
    if (!this.tokens.valid(request)) throw new CsrfRefused();
    const body = request.body as Record<string, unknown> | undefined;
    if (body) delete body[CSRF_FIELD];
    return true;
  }
}
