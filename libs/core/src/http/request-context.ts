import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export const ROLES = ['officer', 'trainer', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A role held for a unit subtree; `unitPath` is the unit's current materialised path. */
export interface RoleGrant {
  role: Role;
  unitId: string;
  unitPath: string;
}

/** A root unit's path ("/<id>/"): a grant there covers the whole tree. */
export function isRootPath(path: string): boolean {
  return path.split('/').length === 3;
}

export interface Actor {
  userId: string;
  username: string;
  officerId: string | null;
  roles: RoleGrant[];
  tokenId: string | null;
}

/**
 * Who is asking and under which request id; the first argument of every
 * service method that reads or changes domain data.
 */
export class RequestContext {
  constructor(
    readonly actor: Actor | null,
    readonly requestId: string | null = null,
    readonly ip: string | null = null,
    readonly isSystem = false,
  ) {}

  /** For start-up tasks, the CLI and jobs: acts as the system with full scope. */
  static system(): RequestContext {
    return new RequestContext(null, null, null, true);
  }

  has(role: Role): boolean {
    return this.isSystem || (this.actor?.roles.some((grant) => grant.role === role) ?? false);
  }

  get userId(): string | null {
    return this.actor?.userId ?? null;
  }

  /** Holds one of `roles` (or admin) at a root unit, or is the system: reaches the whole tree. */
  isNational(...roles: Role[]): boolean {
    const subtrees = this.subtrees(...roles);
    return subtrees === null || subtrees.some(isRootPath);
  }

  /**
   * Path prefixes of the subtrees where any of `roles` (or admin) is held;
   * null means everything (the system itself).
   */
  subtrees(...roles: Role[]): string[] | null {
    if (this.isSystem) return null;
    if (!this.actor) return [];
    const grants = this.actor.roles.filter((grant) => roles.includes(grant.role) || grant.role === 'admin');
    return grants.map((grant) => grant.unitPath);
  }
}

export interface RequestWithContext extends Request {
  lmsContext?: RequestContext;
}

/** pino-http's id for the request, as a string. */
export function requestIdOf(request: Request): string | null {
  const id: unknown = (request as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** The route pattern (`/api/v1/officers/:id`) when matched, else the raw path. */
export function routePath(request: Request): string {
  const route: unknown = (request as { route?: { path?: unknown } }).route?.path;
  return typeof route === 'string' ? route : request.path;
}

export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<RequestWithContext>();
  return request.lmsContext ?? new RequestContext(null, requestIdOf(request), request.ip ?? null);
});
