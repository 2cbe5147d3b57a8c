import { calendar, CalendarSession } from './calendar';

const session = (patch: Partial<CalendarSession> = {}): CalendarSession => ({
  id: '2f6b3c1e-0d1a-4c43-9a55-3f4a1a9b7e01',
  courseTitle: { kk: 'Шиеленісті сейілту', ru: 'Деэскалация конфликта, этап 1; практика' },
  language: 'ru',
  startsAt: new Date('2026-12-01T04:00:00Z'),
  endsAt: new Date('2026-12-01T08:30:00Z'),
  location: { address: 'Алматы, пр. Абая 109', room: '214', onlineUrl: null },
  status: 'scheduled',
  revision: 0,
  updatedAt: new Date('2026-11-20T10:00:00Z'),
  trainerName: 'trainer',
  ...patch,
});

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('calendar', () => {
  it('writes one VEVENT per session with UTC times, the session id as UID and escaped text', () => {
    const ics = unfold(calendar([session()], 'Семинары'));
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('UID:2f6b3c1e-0d1a-4c43-9a55-3f4a1a9b7e01\r\n');
    expect(ics).toContain('DTSTART:20261201T040000Z\r\n');
    expect(ics).toContain('DTEND:20261201T083000Z\r\n');
    expect(ics).toContain('SUMMARY:Деэскалация конфликта\\, этап 1\\; практика\r\n');
    expect(ics).toContain('LOCATION:Алматы\\, пр. Абая 109\\, 214\r\n');
    expect(ics).toContain('STATUS:CONFIRMED\r\n');
  });

  it('titles the event in the session language and marks a cancelled session', () => {
    const ics = unfold(calendar([session({ language: 'kk', status: 'cancelled', revision: 3 })], 'x'));
    expect(ics).toContain('SUMMARY:Шиеленісті сейілту\r\n');
    expect(ics).toContain('STATUS:CANCELLED\r\n');
    expect(ics).toContain('SEQUENCE:3\r\n');
  });

  it('is still a calendar with no sessions', () => {
    const ics = calendar([], 'empty');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).not.toContain('BEGIN:VEVENT');
  });
});
