import { NotFound, RequestContext, Role } from '@lms/core';

/** Roles that read reports within their subtrees (admin implied): HR, and trainers, who answer for the training. */
export const REPORT_READERS: Role[] = ['hr', 'trainer'];
/** Roles that freeze execution reports for the ministry (admin implied). */
export const REPORT_WRITERS: Role[] = ['hr'];

/**
 * The caller's top unit among grants of `roles` (or admin): the default
 * subtree of a report. The system's is the root, which the caller looks up.
 */
export function topGrantUnit(ctx: RequestContext, roles: Role[]): string | null {
  if (ctx.isSystem) return null;
  const grants = (ctx.actor?.roles ?? []).filter((grant) => grant.role === 'admin' || roles.includes(grant.role));
  if (grants.length === 0) throw new NotFound('Unit');
  return [...grants].sort((a, b) => a.unitPath.length - b.unitPath.length)[0].unitId;
}
