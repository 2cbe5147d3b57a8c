import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WebProblemPages } from './problem-pages';

/** Errors of page handlers (guards, pipes, services) become pages, never problem+json. */
@Catch()
export class PageProblemFilter implements ExceptionFilter {
  constructor(private readonly problems: WebProblemPages) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    void this.problems.render(error, http.getRequest<Request>(), http.getResponse<Response>());
  }
}
