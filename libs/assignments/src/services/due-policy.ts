import { BadDuePolicy } from '../assignments.errors';

/** Today in Almaty, as YYYY-MM-DD: fixed due dates are calendar days there. */
export function todayInAlmaty(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
}

/**
 * The due-date rule of rules and manual assignments: a fixed date or a number
 * of days (not both), and a fixed date not in the past. 422 `invalid-due-policy`.
 */
export function checkDuePolicy(policy: { dueDate?: string; dueInDays?: number }, today = todayInAlmaty()): void {
  if (policy.dueDate && policy.dueInDays) throw new BadDuePolicy('dueDate', 'give dueDate or dueInDays, not both');
  if (policy.dueDate && policy.dueDate < today) throw new BadDuePolicy('dueDate', 'is in the past');
}
