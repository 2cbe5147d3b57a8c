import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ACCESS_KEY,
  AccessRule,
  AuditService,
  RequestContext,
  requestIdOf,
  RequestWithContext,
  Role,
  routePath,
} from '@lms/core';
import { AccessDenied, LimitedToken, Unauthenticated } from '../identity.errors';
import { AuthenticatedActor, AuthService } from '../services/auth.service';
import { TokenLimit } from '../services/token.service';
import { CREDENTIALS_KEY, RequestWithCredentials, tokenFrom } from './session-cookie';
import { TokenVerifier } from './token-verifier';

const ALLOW_LIMITED = 'lms:allow-limited';
/**
 * Reachable with a limited token (before the password change or second-factor
 * enrolment); with arguments, only with tokens limited for those reasons.
 */
export const AllowLimited = (...limits: TokenLimit[]) => SetMetadata(ALLOW_LIMITED, limits.length > 0 ? limits : true);

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Does the actor hold one of the route's roles anywhere? An administrator holds them all. */
export function holdsRole(actor: Pick<AuthenticatedActor, 'roles'>, roles: readonly Role[]): boolean {
  return actor.roles.some((grant) => grant.role === 'admin' || roles.includes(grant.role));
}

type GuardedRequest = RequestWithContext & RequestWithCredentials & { user?: AuthenticatedActor };

/**
 * The global guard: deny by default. A route must declare `@Public()` or
 * `@Roles(...)`; anything else is refused, even for a valid token. The token
 * (bearer, or the session cookie on pages) is checked here without passport:
 * its signature once per request (shared with the rate limit), then the
 * account behind it (AuthService, cached for a moment per token).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
    private readonly tokens: TokenVerifier,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new AccessDenied('This route declares no access and is closed');
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const credentials = this.reflector.getAllAndOverride<'cookie' | undefined>(CREDENTIALS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    request.lmsCredentials = credentials ?? 'bearer';
    if (rule.kind === 'public') {
      // A public page still knows who is signed in (its header, its language); a stale cookie is ignored.
      if (credentials === 'cookie') await this.authenticateOptionally(context, request);
      return true;
    }
    const actor = await this.authenticate(request);
    const ctx = new RequestContext(actor, requestIdOf(request), request.ip ?? null);
    request.lmsContext = ctx;
    const allowLimited = this.reflector.getAllAndOverride<true | TokenLimit[] | undefined>(ALLOW_LIMITED, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (actor.limit && allowLimited !== true && !allowLimited?.includes(actor.limit)) {
      throw new LimitedToken(actor.limit);
    }
    if (!holdsRole(actor, rule.roles)) {
      if (WRITES.has(request.method)) {
        await this.audit.record(ctx, {
          action: 'access.denied',
          entityType: 'route',
          entityId: `${request.method} ${routePath(request)}`.slice(0, 100),
          after: { url: request.originalUrl, required: rule.roles },
        });
      }
      throw new AccessDenied();
    }
    return true;
  }

  private async authenticateOptionally(context: ExecutionContext, request: GuardedRequest): Promise<void> {
    try {
      await this.authenticate(request);
    } catch {
      return;
    }
    if (request.user) request.lmsContext = new RequestContext(request.user, requestIdOf(request), request.ip ?? null);
  }

  /** The actor behind the request's token (set as `request.user`), or Unauthenticated. */
  private async authenticate(request: GuardedRequest): Promise<AuthenticatedActor> {
    const token = tokenFrom(request);
    if (!token) throw new Unauthenticated();
    const verified = this.tokens.verify(request, token);
    if (!('claims' in verified)) throw new Unauthenticated(verified.expired ? 'The token has expired' : undefined);
    request.user = await this.auth.authenticate(verified.claims);
    return request.user;
  }
}
