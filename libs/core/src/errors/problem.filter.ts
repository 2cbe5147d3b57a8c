import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Logger, Optional } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { isDatabaseUnavailable, isRejectedValue } from '../database/pg-errors';
import { CommonProblem, DomainError, FieldProblem } from './domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
/** Problem types are relative URIs: stable codes, not links to follow. */
export const PROBLEM_TYPE_BASE = '/problems/';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
  [key: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** How long a client is asked to wait when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): ProblemBody {
  return { type: PROBLEM_TYPE_BASE + code, title: TITLES[status] ?? 'Error', status, detail, ...extra };
}

/** Maps what Express and Nest throw (body parser, routing, guards) to a problem. */
function fromHttpException(error: HttpException): ProblemBody {
  const status = error.getStatus();
  const response = error.getResponse();
  const body = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  if (body.problem && typeof body.problem === 'object') return body.problem as ProblemBody;
  const message = Array.isArray(body.message)
    ? body.message.join('; ')
    : typeof body.message === 'string'
      ? body.message
      : error.message;
  return problem(status, slug(TITLES[status] ?? 'error'), message);
}

const unreadableBody = (status: number) =>
  problem(status, CommonProblem.UnreadableBody, 'The request body could not be read');

/**
 * The one mapping of body-parser errors (raised before Nest sees the request),
 * identified by their `type`; null for anything that is not a client error of theirs.
 */
export function bodyParserProblem(error: unknown): ProblemBody | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { type?: unknown; status?: number; statusCode?: number; expose?: boolean };
  const status = e.status ?? e.statusCode;
  if (typeof e.type !== 'string' || !status || status < 400 || status >= 500 || !e.expose) return null;
  switch (e.type) {
    case 'entity.parse.failed':
      return problem(400, CommonProblem.MalformedBody, 'The request body is not valid JSON');
    case 'entity.too.large':
      return problem(413, CommonProblem.PayloadTooLarge, 'The request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problem(415, CommonProblem.UnsupportedMediaType, 'The request body encoding is not supported');
    default:
      return unreadableBody(status);
  }
}

/**
 * What the database's refusals mean for the client: a value PostgreSQL rejects
 * (a NUL character, a number out of range) is a 400; the database being
 * unreachable, restarting or out of connections is a 503 with Retry-After.
 * Null for anything else (a 500: a bug).
 */
export function databaseProblem(error: unknown): ProblemBody | null {
  if (isRejectedValue(error))
    return problem(400, CommonProblem.RejectedValue, 'A value in the request cannot be stored or searched for');
  if (isDatabaseUnavailable(error))
    return problem(503, CommonProblem.DatabaseUnavailable, 'The database is unavailable for a moment; try again', {
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    });
  return null;
}

/** Express error middleware right after the body parsers: their errors never reach Nest's filter. */
export function bodyParserErrors(error: unknown, request: Request, response: Response, next: NextFunction): void {
  if (!error) return next();
  const body = bodyParserProblem(error) ?? unreadableBody(400);
  response
    .status(body.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ ...body, instance: request.path }));
}

/**
 * Who answers errors of requests meant for people (the web pages) with an HTML
 * page instead of problem+json: unknown paths, middleware errors. Provided by
 * the web library; the API works without one.
 */
export interface ProblemPages {
  handles(request: Request): boolean;
  render(error: unknown, request: Request, response: Response): Promise<void>;
}
export const PROBLEM_PAGES = Symbol('PROBLEM_PAGES');

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(@Optional() @Inject(PROBLEM_PAGES) private readonly pages?: ProblemPages) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    if (this.pages?.handles(request)) {
      void this.pages.render(error, request, response);
      return;
    }
    let body: ProblemBody;
    if (error instanceof DomainError) {
      body = problem(error.status, error.code, error.detail, error.extra);
    } else if (error instanceof HttpException) {
      body = fromHttpException(error);
    } else {
      body =
        bodyParserProblem(error) ??
        databaseProblem(error) ??
        problem(500, CommonProblem.InternalError, 'An unexpected error occurred; it has been logged');
    }
    if (body.status === 503)
      this.logger.warn(`database unavailable: ${error instanceof Error ? error.message : String(error)}`);
    else if (body.status >= 500)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    body.instance = request.originalUrl?.split('?')[0];
    if (response.headersSent) return;
    if (typeof body.retryAfterSeconds === 'number') response.setHeader('Retry-After', String(body.retryAfterSeconds));
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
