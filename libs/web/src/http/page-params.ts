import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedActor } from '@lms/identity';
import type { PageContext } from './page-context';

/** The page context of a `@Page` handler (built before the handler runs): its language, user, formats. */
export const PageCtx = createParamDecorator((_data: unknown, context: ExecutionContext): PageContext => {
  const page = context.switchToHttp().getRequest<{ lmsPage?: PageContext }>().lmsPage;
  if (!page) throw new Error('PageCtx is only available in @Page handlers');
  return page;
});

/** The signed-in actor with its token claims (for signing out), or null on a public page without a session. */
export const SessionActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedActor | null =>
    context.switchToHttp().getRequest<Request & { user?: AuthenticatedActor }>().user ?? null,
);
