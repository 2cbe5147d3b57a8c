import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { DomainError } from '@lms/core';
import { fieldMessages, FormRejected } from './form-rejected';
import { PageContextService } from './page-context';
import { PAGE_KEY, PageMeta } from './page.decorators';

/**
 * Around every page handler: builds the page context (language, user, form
 * token) before a page's handler runs and leaves it where the template finds
 * it, keeps personal pages out of caches, and turns a form's field errors
 * into the same page shown again.
 */
@Injectable()
export class PageInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly pages: PageContextService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const meta = this.reflector.get<PageMeta | undefined>(PAGE_KEY, context.getHandler());
    response.setHeader('Cache-Control', 'no-store');
    const before: Promise<unknown> =
      meta?.kind === 'page'
        ? this.pages.of(request, response, meta.title).then((page) => {
            response.locals.page = page;
            response.setHeader('Content-Language', page.lang);
          })
        : Promise.resolve();
    return from(before).pipe(
      mergeMap(() => next.handle()),
      catchError((error: unknown) => throwError(() => (meta ? asFormError(error, meta, request) : error))),
    );
  }
}

/** Field errors of a form become the form shown again; anything else stays what it is. */
function asFormError(error: unknown, meta: PageMeta, request: Request): unknown {
  if (error instanceof FormRejected) {
    error.page ??= meta;
    return error;
  }
  if (request.method !== 'POST' || !(error instanceof DomainError)) return error;
  const errors = fieldMessages(error);
  if (!errors) return error;
  const rejected = FormRejected.of(request.body, errors);
  rejected.page = meta;
  return rejected;
}
