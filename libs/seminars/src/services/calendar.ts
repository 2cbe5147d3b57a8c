import { createEvents, EventAttributes } from 'ics';
import { LocalizedText, pickText } from '@lms/core';
import { SessionLanguage, SessionStatus } from '../entities/seminar-session.entity';
import { Location, locationLine } from './session.mapper';

export interface CalendarSession {
  id: string;
  courseTitle: LocalizedText;
  language: SessionLanguage;
  startsAt: Date;
  endsAt: Date;
  location: Location;
  status: SessionStatus;
  revision: number;
  updatedAt: Date;
  trainerName: string | null;
}

/** One VEVENT: titled in the session's language, UID the session id, cancelled ones marked so clients drop them. */
function event(session: CalendarSession): EventAttributes {
  const utc = { startInputType: 'utc', startOutputType: 'utc', endInputType: 'utc', endOutputType: 'utc' } as const;
  return {
    ...utc,
    uid: session.id,
    title: pickText(session.courseTitle, session.language),
    start: session.startsAt.getTime(),
    end: session.endsAt.getTime(),
    location: locationLine(session.location) || undefined,
    url: session.location.onlineUrl ?? undefined,
    description: session.trainerName
      ? `${session.language === 'kk' ? 'Жаттықтырушы' : 'Тренер'}: ${session.trainerName}`
      : undefined,
    status: session.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    sequence: session.revision,
    lastModified: session.updatedAt.getTime(),
    productId: 'lms/seminars',
  };
}

/** An iCalendar document (RFC 5545) for these sessions; an empty feed is still a valid calendar. */
export function calendar(sessions: CalendarSession[], name: string): string {
  const { error, value } = createEvents(sessions.map(event), { productId: 'lms/seminars', calName: name });
  if (error || value === null) throw error ?? new Error('the calendar could not be built');
  return value;
}
