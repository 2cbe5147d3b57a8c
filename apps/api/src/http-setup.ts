import type { Server } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppConfig, createValidationPipe, httpLogging, problem, PROBLEM_CONTENT_TYPE } from '@lms/core';
import { answerUnparseableRequests } from './client-errors';

export const API_PREFIX = 'api/v1';

/** Errors of the JSON body parser become problems too: it runs before Nest sees the request. */
function bodyErrorHandler(error: unknown, request: Request, response: Response, next: NextFunction): void {
  if (!error) return next();
  const e = error as { type?: string; status?: number };
  const body =
    e.type === 'entity.too.large'
      ? problem(413, 'payload-too-large', 'The request body is too large')
      : e.type === 'entity.parse.failed'
        ? problem(400, 'malformed-body', 'The request body is not valid JSON')
        : problem(e.status && e.status < 500 ? e.status : 400, 'unreadable-body', 'The request body could not be read');
  response
    .status(body.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ ...body, instance: request.path }));
}

/** Everything an API process needs around the routes: security headers, parsing, validation, errors, docs. */
export function configureApp(app: INestApplication, config: AppConfig, logger: Logger): void {
  const express_ = app as NestExpressApplication;
  express_.set('trust proxy', 'loopback');
  express_.disable('x-powered-by');
  answerUnparseableRequests(app.getHttpServer() as Server);
  app.use(...httpLogging(logger, { ignore: (url) => url === `/${API_PREFIX}/health` }));
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"] } } }));
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false });
  app.use(express.json({ limit: '2mb', type: ['application/json', 'application/*+json'] }));
  app.use(bodyErrorHandler);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Officer communication-training platform')
      .setDescription(
        'Courses, seminars, assessments and compliance reports for police officers. Errors are application/problem+json.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json` });
}
