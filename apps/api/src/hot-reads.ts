import { INestApplication } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { EnrollmentService, MeEnrollmentsQuery } from '@lms/assignments';
import { RequestContext, Role } from '@lms/core';
import { FastAccess } from '@lms/identity';

interface HotRead {
  roles: readonly Role[];
  answer(ctx: RequestContext): Promise<unknown>;
}

/**
 * The officers' most frequent read, answered before Express's router and
 * Nest's per-request chain (route matching over ~300 routes, guards, the
 * validation pipe, interceptors): measured, that chain cost more CPU than the
 * read itself. Only the exact path without a query string, with a bearer
 * token the access checks admit (FastAccess: the same verifier, actor cache,
 * roles and rate-limit counters), is answered here, by the same service
 * method with the query's defaults. Everything else, and any failure, goes on
 * to the full chain, which answers as for any route (a refusal, a 503 while
 * the database is away): this path never writes an error of its own.
 * The request log, security headers and CORS have run before it.
 */
export function hotReads(app: INestApplication, prefix: string): RequestHandler {
  const access = app.get(FastAccess, { strict: false });
  const enrollments = app.get(EnrollmentService, { strict: false });
  const firstPage = plainToInstance(MeEnrollmentsQuery, {});
  const routes = new Map<string, HotRead>([
    [`/${prefix}/me/enrollments`, { roles: ['officer'], answer: (ctx) => enrollments.mine(ctx, firstPage) }],
  ]);

  return (request: Request, response: Response, next: NextFunction) => {
    const route = request.method === 'GET' ? routes.get(request.url) : undefined;
    if (!route || request.headers.authorization === undefined) return next();
    let handedOn = false;
    const handOn = () => {
      if (handedOn || response.headersSent) return;
      handedOn = true;
      next();
    };
    access
      .admit(request, route.roles)
      .then((ctx) => (ctx ? route.answer(ctx) : undefined))
      .then((body) => (body === undefined ? handOn() : response.json(body)))
      .catch(handOn);
  };
}
