import type { CookieOptions, Request, Response } from 'express';
import { SESSION_COOKIE } from '@lms/identity';

export { SESSION_COOKIE };
/** A random id for a browser without a session, so the sign-in form's CSRF token is bound to something. */
export const VISITOR_COOKIE = 'lms_visitor';
export const CSRF_COOKIE = 'lms_csrf';
export const LANGUAGE_COOKIE = 'lms_lang';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** HttpOnly, SameSite=Lax, and Secure whenever the request came over TLS (directly or via a trusted proxy). */
export function cookieOptions(request: Request, maxAgeMs?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.secure,
    path: '/',
    ...(maxAgeMs === undefined ? {} : { maxAge: maxAgeMs }),
  };
}

export function cookie(request: Request, name: string): string | null {
  const value = (request as { cookies?: Record<string, unknown> }).cookies?.[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function setSessionCookie(request: Request, response: Response, token: string, expiresInSeconds: number): void {
  response.cookie(SESSION_COOKIE, token, cookieOptions(request, expiresInSeconds * 1000));
  remember(request, SESSION_COOKIE, token);
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, cookieOptions(request));
  remember(request, SESSION_COOKIE, undefined);
}

export function setLanguageCookie(request: Request, response: Response, language: string): void {
  // Not HttpOnly-sensitive, but nothing on the page needs to read it either.
  response.cookie(LANGUAGE_COOKIE, language, cookieOptions(request, YEAR_MS));
  remember(request, LANGUAGE_COOKIE, language);
}

export function setVisitorCookie(request: Request, response: Response, id: string): void {
  response.cookie(VISITOR_COOKIE, id, cookieOptions(request, YEAR_MS));
  remember(request, VISITOR_COOKIE, id);
}

/** What this request sees from now on, as if the browser had sent it. */
function remember(request: Request, name: string, value: string | undefined): void {
  const cookies = ((request as { cookies?: Record<string, unknown> }).cookies ??= {});
  if (value === undefined) delete cookies[name];
  else cookies[name] = value;
}
