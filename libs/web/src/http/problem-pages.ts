import { HttpException, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DATABASE_RETRY_AFTER_SECONDS, databaseProblem, DomainError, ProblemPages } from '@lms/core';
import { ViewEngine } from '../render/view-engine';
import { clearSessionCookie, cookie, SESSION_COOKIE } from './cookies';
import { CsrfRefused } from './csrf';
import { FormRejected } from './form-rejected';
import { PageContextService } from './page-context';

const LIMITED_HOME: Record<string, string> = {
  'password-change-required': '/account/password',
  'second-factor-enrolment-required': '/account/second-factor',
};

/**
 * How the pages answer what went wrong: a form shown again with its errors,
 * a redirect to sign in (or to the forced password change), or a problem page
 * (403, 404, 409, 429, 500) in the user's language.
 */
@Injectable()
export class WebProblemPages implements ProblemPages {
  private readonly logger = new Logger('Pages');

  constructor(
    private readonly pages: PageContextService,
    private readonly views: ViewEngine,
  ) {}

  /** Requests for people: everything outside the JSON API (by the original URL: a mounted router rewrites `path`). */
  handles(request: Request): boolean {
    return !isApiRequest(request);
  }

  async render(error: unknown, request: Request, response: Response): Promise<void> {
    try {
      await this.answer(error, request, response);
    } catch (failure) {
      this.logger.error(failure instanceof Error ? (failure.stack ?? failure.message) : String(failure));
      if (!response.headersSent) response.status(500).type('text/plain').send('Internal Server Error');
    }
  }

  private async answer(error: unknown, request: Request, response: Response): Promise<void> {
    if (response.headersSent) return;
    response.setHeader('Cache-Control', 'no-store');
    if (error instanceof FormRejected && error.page) {
      const page = await this.pages.of(request, response, error.page.title);
      return this.send(response, error.status, error.page.view, { ...error.model, form: error.form }, page);
    }
    const code = error instanceof DomainError ? error.code : null;
    if (code === 'unauthenticated') {
      const hadSession = cookie(request, SESSION_COOKIE) !== null;
      if (hadSession) clearSessionCookie(request, response);
      const next = request.method === 'GET' ? `next=${encodeURIComponent(request.originalUrl)}` : '';
      const notice = hadSession ? 'notice=sessionEnded' : '';
      const query = [next, notice].filter(Boolean).join('&');
      return response.redirect(303, `/sign-in${query ? `?${query}` : ''}`);
    }
    if (code && LIMITED_HOME[code]) return response.redirect(303, LIMITED_HOME[code]);

    const status = statusOf(error);
    if (status === 503) response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    if (status === 503)
      this.logger.warn(`database unavailable: ${error instanceof Error ? error.message : String(error)}`);
    else if (status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    const page = await this.pages.of(request, response);
    const t = page.t;
    const key =
      error instanceof CsrfRefused ? 'csrf' : String(PROBLEM_STATUSES.has(status) ? status : status >= 500 ? 500 : 400);
    const conflict = status === 409 && code ? t(`conflict.${code}`) : null;
    page.title = t(`problem.${key}.title`);
    if (status === 429 && error instanceof DomainError && typeof error.extra.retryAfterSeconds === 'number') {
      response.setHeader('Retry-After', String(error.extra.retryAfterSeconds));
    }
    return this.send(
      response,
      status,
      'pages/problem',
      {
        status,
        heading: page.title,
        message: conflict && conflict !== `conflict.${code}` ? conflict : t(`problem.${key}.text`),
        back: backLink(request, page.home),
      },
      page,
    );
  }

  private send(
    response: Response,
    status: number,
    view: string,
    model: object,
    page: Parameters<ViewEngine['render']>[2],
  ) {
    response.status(status).type('html').setHeader('Content-Language', page.lang);
    response.send(this.views.render(view, model, page));
  }
}

export const isApiRequest = (request: Request) => /^\/api(\/|\?|$)/.test(request.originalUrl ?? request.url);

const PROBLEM_STATUSES = new Set([400, 403, 404, 409, 429, 500]);

function statusOf(error: unknown): number {
  if (error instanceof DomainError) return error.status;
  if (error instanceof HttpException) return error.getStatus();
  const fromDatabase = databaseProblem(error);
  if (fromDatabase) return fromDatabase.status;
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

/** Back to where the user came from when that was one of our pages, else home. */
function backLink(request: Request, home: string): string {
  const referer = request.headers.referer;
  if (!referer) return home;
  try {
    const url = new URL(referer);
    if (url.host !== request.headers.host) return home;
    const path = url.pathname + url.search;
    return path.startsWith('/') && !path.startsWith('//') ? path : home;
  } catch {
    return home;
  }
}
