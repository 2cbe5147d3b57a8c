import type { Server } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import type { Logger } from 'pino';
import { AppConfig, bodyParserErrors, createValidationPipe, httpLogging } from '@lms/core';
import { configureWeb, pageRoutes, securityHeaders, WEB_CONTROLLERS } from '@lms/web';
import { answerUnparseableRequests } from './client-errors';
import { hotReads } from './hot-reads';

export const API_PREFIX = 'api/v1';

/** Everything the HTTP process needs around the routes: security headers, parsing, pages, validation, errors, docs. */
export function configureApp(app: INestApplication, config: AppConfig, logger: Logger): void {
  const express_ = app as NestExpressApplication;
  express_.set('trust proxy', config.trustProxy);
  express_.disable('x-powered-by');
  // Answers are personal and fresh: no client revalidates them, so no SHA-1 of every body for an ETag.
  express_.set('etag', false);
  answerUnparseableRequests(app.getHttpServer() as Server);
  app.use(...httpLogging(logger, { ignore: (url) => url === `/${API_PREFIX}/health` }));
  app.use(securityHeaders(`/${API_PREFIX}/docs`));
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false });
  app.use(hotReads(app, API_PREFIX));
  configureWeb(app);
  app.use(express.json({ limit: '2mb', type: ['application/json', 'application/*+json'] }));
  app.use(bodyParserErrors); // the JSON parser runs before Nest: its errors become problems here
  // The pages live at the root (`/`, `/sign-in`, `/me/...`, `/verify/:code`); everything else under /api/v1.
  app.setGlobalPrefix(API_PREFIX, { exclude: pageRoutes(WEB_CONTROLLERS) });
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
