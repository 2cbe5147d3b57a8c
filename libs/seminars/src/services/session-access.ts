import { RequestContext, Role } from '@lms/core';
import { SessionRow } from './session.mapper';

/** Roles that schedule and run sessions within their subtree (admin implied). */
export const SESSION_STAFF: Role[] = ['hr', 'trainer'];

const within = (path: string, subtrees: string[] | null) =>
  subtrees === null || subtrees.some((prefix) => path.startsWith(prefix));

/**
 * SQL condition (session `s`, its unit `u`) for the sessions the caller sees:
 * staff those held in their subtrees and those held above them (a ministry
 * session is open to every region's officers); a trainer the sessions they
 * lead; an officer those of courses they are enrolled on or booked for.
 */
export function visibleSessions(ctx: RequestContext, params: unknown[]): string {
  const staff = ctx.subtrees(...SESSION_STAFF);
  if (staff === null) return 'TRUE';
  const parts: string[] = [];
  if (staff.length > 0) {
    params.push(staff);
    const n = params.length;
    parts.push(
      `EXISTS (SELECT 1 FROM unnest($${n}::text[]) AS g(path) WHERE u.path LIKE g.path || '%' OR g.path LIKE u.path || '%')`,
    );
  }
  if (ctx.has('trainer') && ctx.userId) {
    params.push(ctx.userId);
    parts.push(`s.trainer_user_id = $${params.length}`);
  }
  const officerId = ctx.actor?.officerId;
  if (officerId) {
    params.push(officerId);
    const n = params.length;
    parts.push(`EXISTS (SELECT 1 FROM enrollment e WHERE e.officer_id = $${n} AND e.course_id = s.course_id
                        AND e.status IN ('assigned', 'in_progress'))`);
    parts.push(`EXISTS (SELECT 1 FROM seminar_booking mb WHERE mb.session_id = s.id AND mb.officer_id = $${n})`);
  }
  return parts.length > 0 ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** Staff of the session's unit (or above it) and its trainer manage it: reschedule, cancel, see the whole roster. */
export function canManage(ctx: RequestContext, session: Pick<SessionRow, 'unit_path' | 'trainer_user_id'>): boolean {
  if (ctx.userId !== null && session.trainer_user_id === ctx.userId) return true;
  return within(session.unit_path, ctx.subtrees(...SESSION_STAFF));
}

/** The session's own trainer, HR of its unit, and admins record attendance. */
export function canRecordAttendance(
  ctx: RequestContext,
  session: Pick<SessionRow, 'unit_path' | 'trainer_user_id'>,
): boolean {
  if (ctx.userId !== null && session.trainer_user_id === ctx.userId) return true;
  return within(session.unit_path, ctx.subtrees('hr'));
}

/** Staff who see a session without managing it (HR below a ministry session) see only their own officers on its roster. */
export function isStaff(ctx: RequestContext): boolean {
  const subtrees = ctx.subtrees(...SESSION_STAFF);
  return subtrees === null || subtrees.length > 0;
}
