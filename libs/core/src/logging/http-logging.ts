import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { requestLogger } from './logger';

const SANE_ID = /^[\w.-]{1,100}$/;

/**
 * Calendar-feed URLs carry their secret, and a file upload's form its CSRF
 * token (its body is read after the guards): request logs keep the route and
 * the other parameters, never either token.
 */
export function hideUrlSecrets(url: string): string {
  return url.replace(/\/calendar-feeds\/[^/?]+/, '/calendar-feeds/[token]').replace(/([?&]_csrf=)[^&#]*/g, '$1[token]');
}

/**
 * One short line per request (`reqId`, method, URL, status, time; no
 * headers), and the request's logger bound for everything logged while
 * serving it. A caller's X-Request-Id is kept (when sane) so logs join up
 * across services; the id is echoed in the response.
 */
export function httpLogging(logger: Logger, options: { ignore?: (url: string) => boolean } = {}): RequestHandler[] {
  const logRequests = pinoHttp<Request, Response>({
    logger,
    quietReqLogger: true,
    genReqId: (request, response) => {
      const given = request.headers['x-request-id'];
      const id = typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: hideUrlSecrets(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customSuccessMessage: (req, res, time) =>
      `${req.method} ${hideUrlSecrets(req.originalUrl)} ${res.statusCode} ${time} ms`,
    customErrorMessage: (req, res) => `${req.method} ${hideUrlSecrets(req.originalUrl)} ${res.statusCode} failed`,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: options.ignore ? { ignore: (request) => options.ignore!(request.url ?? '') } : true,
  });
  const bind = (request: Request, _response: Response, next: NextFunction) =>
    requestLogger.run((request as Request & { log: Logger }).log, next);
  return [logRequests, bind];
}
