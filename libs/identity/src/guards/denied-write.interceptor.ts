import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, catchError, from, mergeMap, throwError } from 'rxjs';
import { AuditService, DomainError, RequestWithContext, routePath } from '@lms/core';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A write refused for scope (404/403 from a service) changed nothing, its
 * transaction rolled back; record the attempt afterwards, outside it.
 */
@Injectable()
export class DeniedWriteInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<RequestWithContext>();
    if (!WRITES.has(request.method) || !request.lmsContext?.actor) return next.handle();
    const ctx = request.lmsContext;
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof DomainError) || (error.kind !== 'forbidden' && error.kind !== 'not-found')) {
          return throwError(() => error);
        }
        const record = this.audit.record(ctx, {
          action: 'access.denied',
          entityType: 'route',
          entityId: `${request.method} ${routePath(request)}`.slice(0, 100),
          after: { url: request.originalUrl, problem: error.code, detail: error.detail },
        });
        return from(record).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
