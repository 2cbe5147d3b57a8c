import { CanActivate, ExecutionContext, Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig, DomainError } from '@lms/core';
import { IdentityProblem } from '../identity.errors';
import { SESSION_COOKIE } from './session-cookie';
import { RateCounters } from './rate-counters';
import { TokenVerifier } from './token-verifier';

/** The throttler names: one budget per address, one per signed-in user, across all routes. */
export const RATE_LIMITS = { address: 'address', user: 'user' } as const;

export class TooManyRequests extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('too-many-requests', IdentityProblem.TooManyRequests, 'Too many requests; slow down and try again later', {
      retryAfterSeconds,
    });
  }
}

/** The throttlers' settings from the configuration. */
export function rateLimitOptions(config: AppConfig): ThrottlerModuleOptions {
  const ttl = config.rateLimit.windowSeconds * 1000;
  return {
    throttlers: [
      { name: RATE_LIMITS.address, ttl, limit: config.rateLimit.perAddress },
      { name: RATE_LIMITS.user, ttl, limit: config.rateLimit.perUser },
    ],
    setHeaders: false,
  };
}

/** The throttler with our keys, trackers and problem; built by RateLimitGuard, outside dependency injection. */
class Limiter extends ThrottlerGuard {
  constructor(
    options: ThrottlerModuleOptions,
    storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly tokens: TokenVerifier,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http';
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return (req as unknown as Request).ip ?? 'unknown';
  }

  protected override async handleRequest(
    requestProps: Parameters<ThrottlerGuard['handleRequest']>[0],
  ): Promise<boolean> {
    if (requestProps.throttler.name !== RATE_LIMITS.user) return super.handleRequest(requestProps);
    const { req } = this.getRequestResponse(requestProps.context);
    const userId = this.signedUser(req as Request);
    if (!userId) return true;
    return super.handleRequest({ ...requestProps, getTracker: () => userId });
  }

  /** The `sub` of a bearer token or session cookie whose signature holds; null otherwise. */
  private signedUser(req: Request): string | null {
    const header = req.headers.authorization;
    const bearer = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    const cookie = (req as { cookies?: Record<string, unknown> }).cookies?.[SESSION_COOKIE];
    const token = bearer ?? (typeof cookie === 'string' ? cookie : undefined);
    if (!token) return null;
    const verified = this.tokens.verify(req, token);
    return 'claims' in verified && typeof verified.claims.sub === 'string' ? verified.claims.sub : null;
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new TooManyRequests(Math.max(1, Math.ceil(detail.timeToBlockExpire)));
  }
}

/**
 * Rate limits on every route (the pages included), before anything else
 * runs: a budget per client address (behind `TRUST_PROXY`, the forwarded
 * one), and one per user named by a validly signed token, wherever it comes
 * from. A token's signature is checked here (cheap, no database), never its
 * revocation: a forged `sub` cannot spend another user's budget. Over the
 * limit: 429 problem with `Retry-After`. Counters are kept per process.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnModuleInit, OnApplicationShutdown {
  private readonly storage = new RateCounters();
  private readonly limiter: Limiter;
  private readonly budgets: { name: string; ttl: number; limit: number }[];

  constructor(reflector: Reflector, tokens: TokenVerifier, @Inject(APP_CONFIG) config: AppConfig) {
    const options = rateLimitOptions(config);
    this.limiter = new Limiter(options, this.storage, reflector, tokens);
    this.budgets = (options as { throttlers: { name: string; ttl: number; limit: number }[] }).throttlers;
  }

  /**
   * Spends one request of the address's and the signed-in user's budgets, with
   * the same keys and counters as the guard (for a read answered before Nest's
   * chain); false when either is spent, and the caller leaves the refusal to
   * the guard.
   */
  async spend(address: string, userId: string): Promise<boolean> {
    for (const { name, ttl, limit } of this.budgets) {
      const tracker = name === RATE_LIMITS.user ? userId : address;
      const { isBlocked } = await this.storage.increment(`${name}:${tracker}`, ttl, limit, ttl);
      if (isBlocked) return false;
    }
    return true;
  }

  onModuleInit(): Promise<void> {
    return this.limiter.onModuleInit();
  }

  canActivate(context: ExecutionContext): Promise<boolean> {
    return this.limiter.canActivate(context);
  }

  onApplicationShutdown(): void {
    this.storage.close();
  }
}
