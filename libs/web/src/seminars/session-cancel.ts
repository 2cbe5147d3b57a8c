import { Conflict, RequestContext } from '@lms/core';
import { SchedulingService, SeminarsProblem, SessionDetail } from '@lms/seminars';
import { CancelSessionForm } from '../forms/session.forms';
import { FormRejected } from '../http/form-rejected';
import { checkedForm } from '../trust/public-form';
import { aheadOf, seatedOf, waitlistOf } from './roster';

/** A session no longer scheduled cannot be cancelled (again). */
const CLOSED: string[] = [SeminarsProblem.SessionCancelled, SeminarsProblem.SessionCompleted];

/**
 * What the cancel form needs: where it posts, and who will be told. Only for
 * a scheduled session not yet started, and a caller the seminars service
 * lets manage it (its trainer, staff of its unit or above).
 */
export function sessionCancelOf(session: SessionDetail, action: string) {
  if (!session.mayManage || !aheadOf(session)) return null;
  return { action, booked: seatedOf(session).length, waiting: waitlistOf(session).length };
}

/**
 * Cancels the session with the form's reason (the seminars service cancels
 * every booking and tells each officer); a session cancelled or completed
 * meanwhile shows its page again with why nothing happened.
 */
export async function cancelSessionFromForm(
  scheduling: SchedulingService,
  ctx: RequestContext,
  id: string,
  body: Record<string, unknown>,
  model: () => Promise<Record<string, unknown>>,
): Promise<void> {
  const form = await checkedForm(CancelSessionForm, body, model);
  try {
    await scheduling.cancel(ctx, id, form.reason ?? null);
  } catch (error) {
    if (error instanceof Conflict && CLOSED.includes(error.code)) {
      throw FormRejected.of(body, {}, 'errors.sessionClosed', await model(), 409);
    }
    throw error;
  }
}
