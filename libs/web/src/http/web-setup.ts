import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { RouteInfo } from '@nestjs/common/interfaces/middleware/middleware-configuration.interface';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { NotFound } from '@lms/core';
import { ViewEngine, VIEWS_DIR } from '../render/view-engine';
import { ASSETS_DIR } from './assets';
import { isApiRequest as isApi, WebProblemPages } from './problem-pages';

/**
 * A helmet middleware's headers, worked out once: with static directives it
 * sets the same headers on every response, through a dozen nested
 * middlewares (measured at 7% of a short API request's CPU). The answer
 * sets them in one loop, and removes what helmet removes.
 */
function precomputed(middleware: RequestHandler): RequestHandler {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string) => set.push([name, value]),
    removeHeader: (name: string) => removed.push(name),
  };
  let called = false;
  let failed: unknown;
  middleware({} as Request, recorder as unknown as Response, (error?: unknown) => {
    failed = error;
    called = true;
  });
  if (failed) throw new Error('the security headers middleware refused to start', { cause: failed });
  if (!called) throw new Error('the security headers middleware did not answer synchronously');
  return (_request, response, next) => {
    for (const [name, value] of set) response.setHeader(name, value);
    for (const name of removed) response.removeHeader(name);
    next();
  };
}

/**
 * Security headers. Pages and the API: a strict Content-Security-Policy
 * (scripts and styles only from our own files, no inline code, no framing).
 * The OpenAPI page (Swagger UI) needs inline scripts, so only it gets them.
 */
export function securityHeaders(docsPath: string): RequestHandler {
  const strict = precomputed(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'"],
          'connect-src': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'none'"],
          'object-src': ["'none'"],
          'script-src-attr': ["'none'"],
        },
      },
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  const docs = helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"] } } });
  // Only the docs page itself (Swagger UI's HTML); its scripts, its JSON and anything else under the path get the strict policy.
  const docsPage = new Set([docsPath, `${docsPath}/`]);
  return (request, response, next) => (docsPage.has(request.path) ? docs : strict)(request, response, next);
}

/**
 * What the pages need around their routes: cookies, form bodies (pages only;
 * the API takes JSON), the stylesheet and script, the view engine behind
 * Nest's `@Render`, and HTML answers to malformed form bodies.
 */
export function configureWeb(app: INestApplication): void {
  const expressApp = app as NestExpressApplication;
  expressApp.use(cookieParser());
  const forms = express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 500 });
  expressApp.use((request: Request, response: Response, next: NextFunction) =>
    isApi(request) ? next() : forms(request, response, next),
  );
  expressApp.use(
    '/assets',
    express.static(ASSETS_DIR, { index: false, fallthrough: true, maxAge: '7d', immutable: false }),
  );
  expressApp.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (!error || isApi(request)) return next(error);
    void app.get(WebProblemPages).render(error, request, response);
  });
  const views = app.get(ViewEngine);
  expressApp.engine('hbs', views.expressEngine());
  expressApp.setBaseViewsDir(VIEWS_DIR);
  expressApp.setViewEngine('hbs');
}

/**
 * The last stop of a request no route took: outside the API, the 404 page in
 * the visitor's language (the API's prefix answers its own misses with
 * problem+json). Call after `app.init()`, when every route is in place.
 */
export function notFoundPages(app: INestApplication): void {
  const pages = app.get(WebProblemPages);
  (app as NestExpressApplication).use((request: Request, response: Response, next: NextFunction) => {
    if (isApi(request) || response.headersSent) return next();
    void pages.render(new NotFound('Page'), request, response);
  });
}

/**
 * The routes of page controllers, to leave outside the API's global prefix.
 * Read from the controllers themselves so that a new page cannot be forgotten.
 */
export function pageRoutes(controllers: Function[]): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const controller of controllers) {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (method === undefined || path === undefined) continue;
      routes.push({ path: path.replace(/^\/+/, '') || '/', method });
    }
  }
  return routes;
}
