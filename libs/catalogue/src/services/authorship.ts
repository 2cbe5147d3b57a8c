import { isRootPath, RequestContext } from '@lms/core';

/** An admin at the root unit: the ministry's courses and programmes are national, not a section admin's to author. */
export function isNationalAdmin(ctx: RequestContext): boolean {
  return ctx.has('admin') && (ctx.actor?.roles.some((g) => g.role === 'admin' && isRootPath(g.unitPath)) ?? false);
}

/** Authorship goes only to a trainer or admin of the granter's own units. */
export function withinGrantersReach(
  ctx: RequestContext,
  user: { roles: { role: string; unitPath: string }[] } | null,
): boolean {
  const reach = ctx.subtrees('trainer');
  const inReach = (path: string) => reach === null || reach.some((prefix) => path.startsWith(prefix));
  return (
    user?.roles.some((grant) => (grant.role === 'trainer' || grant.role === 'admin') && inReach(grant.unitPath)) ??
    false
  );
}
