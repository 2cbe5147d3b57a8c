import { dueDay, dueDayInstant, localDay } from './calendar-day';

describe('due days', () => {
  // A rule due 2026-12-31 in Almaty (UTC+5) is stored as the end of that day: 2027-01-01T00:00+05:00.
  const storedDue = '2026-12-31T19:00:00.000Z';

  it('gives 31 December for a rule due 31 December in Almaty, not the next day', () => {
    expect(localDay(storedDue, 'Asia/Almaty')).toBe('2027-01-01');
    expect(dueDay(storedDue, 'Asia/Almaty')).toBe('2026-12-31');
  });

  it('steps back one millisecond, no more', () => {
    expect(dueDayInstant(new Date(storedDue)).toISOString()).toBe('2026-12-31T18:59:59.999Z');
  });

  it('keeps a missing due date missing', () => {
    expect(dueDay(null, 'Asia/Almaty')).toBeNull();
  });

  it('reads the day in the unit’s own zone', () => {
    expect(localDay('2026-12-31T20:30:00Z', 'Europe/Moscow')).toBe('2026-12-31');
    expect(localDay('2026-12-31T20:30:00Z', 'Asia/Almaty')).toBe('2027-01-01');
  });
});
