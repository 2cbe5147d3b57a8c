import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { RequestContext, requestIdOf, Role } from '@lms/core';
import { AuthService } from '../services/auth.service';
import { holdsRole } from './access.guard';
import { RateLimitGuard } from './rate-limit.guard';
import { tokenFrom } from './session-cookie';
import { TokenVerifier } from './token-verifier';

/**
 * The checks of the rate limit and the access guard for a read answered
 * before Nest's request chain (see the API's hot reads), with the same
 * verifier, actor cache and counters. It admits only the plain case: a bearer
 * token whose signature holds, an account that is valid and not signed out, a
 * token without a limit, a role the route admits, budgets not spent. Anything
 * else gives null, and the caller hands the request to the chain, whose
 * guards answer it (401, 403, 429) exactly as for any other route.
 */
@Injectable()
export class FastAccess {
  constructor(
    private readonly tokens: TokenVerifier,
    private readonly auth: AuthService,
    private readonly limits: RateLimitGuard,
  ) {}

  async admit(request: Request, roles: readonly Role[]): Promise<RequestContext | null> {
    const token = tokenFrom(request);
    if (!token) return null;
    const verified = this.tokens.verify(request, token);
    if (!('claims' in verified)) return null;
    const actor = await this.auth.authenticate(verified.claims).catch(() => null);
    if (!actor || actor.limit) return null;
    if (!holdsRole(actor, roles)) return null;
    if (!(await this.limits.spend(request.ip ?? 'unknown', actor.userId))) return null;
    (request as { user?: unknown }).user = actor;
    return new RequestContext(actor, requestIdOf(request), request.ip ?? null);
  }
}
