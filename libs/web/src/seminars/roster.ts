import type { SessionDetail } from '@lms/seminars';

export type RosterEntry = NonNullable<SessionDetail['roster']>[number];

/** Those with a seat (booked, or closed after the session), in roster order. */
export function seatedOf(session: SessionDetail): RosterEntry[] {
  return (session.roster ?? []).filter((entry) => entry.status !== 'waitlisted' && entry.status !== 'cancelled');
}

/** Scheduled and not started yet: a session that can still be booked, changed or cancelled. */
export function aheadOf(session: Pick<SessionDetail, 'status' | 'startsAt'>): boolean {
  return session.status === 'scheduled' && new Date(session.startsAt).getTime() > Date.now();
}

/** The waitlist, in its order. */
export function waitlistOf(session: SessionDetail): RosterEntry[] {
  return (session.roster ?? []).filter((entry) => entry.status === 'waitlisted');
}

/** The printable sign-in sheet's model (trainers and HR print the same sheet); `back` is the page it came from. */
export function signInSheet(session: SessionDetail, back: string) {
  return { session, back, seated: seatedOf(session).map((entry, i) => ({ ...entry, n: i + 1 })), blanks: [1, 2, 3] };
}
