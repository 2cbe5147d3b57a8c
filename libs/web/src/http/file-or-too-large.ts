import {
  CallHandler,
  ExecutionContext,
  Injectable,
  mixin,
  NestInterceptor,
  PayloadTooLargeException,
  Type,
} from '@nestjs/common';
import { FileInterceptor, MulterModuleOptions } from '@nestjs/platform-express';
import type { Request } from 'express';
import { Observable } from 'rxjs';

const TOO_LARGE = Symbol('file too large');

/**
 * `FileInterceptor` whose file over `limits.fileSize` still reaches the
 * handler, without its file and marked (`fileTooLarge(request)`), so that the
 * form says so beside its field rather than as a 413 page. Multer stops
 * storing at the limit and drains the rest of the body.
 */
export function FileOrTooLarge(field: string, options: MulterModuleOptions): Type<NestInterceptor> {
  const Inner = FileInterceptor(field, options);
  @Injectable()
  class FileOrTooLargeInterceptor implements NestInterceptor {
    private readonly inner = new Inner();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return (await this.inner.intercept(context, next)) as Observable<unknown>;
      } catch (error) {
        if (!(error instanceof PayloadTooLargeException)) throw error;
        (context.switchToHttp().getRequest<Request>() as Request & { [TOO_LARGE]?: boolean })[TOO_LARGE] = true;
        return next.handle();
      }
    }
  }
  return mixin(FileOrTooLargeInterceptor);
}

export function fileTooLarge(request: Request): boolean {
  return (request as Request & { [TOO_LARGE]?: boolean })[TOO_LARGE] === true;
}
