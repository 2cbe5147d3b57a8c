import { cellText, formatCalendarDay, formatDate, formatDueDate, formatMoment } from './report-table';

describe('document dates and numbers', () => {
  it('prints a rule due 31 December as 31.12, though the end of that day in Almaty is stored', () => {
    // The end of 2026-12-31 in Almaty (UTC+5) is 2027-01-01T00:00+05:00.
    const dueAt = '2026-12-31T19:00:00.000Z';
    expect(formatDueDate(dueAt, 'Asia/Almaty')).toBe('31.12.2026');
    expect(formatDate(dueAt, 'Asia/Almaty')).toBe('01.01.2027');
    expect(formatDueDate(null, 'Asia/Almaty')).toBe('');
  });

  it('writes an order’s date and deadline as 31.12.2026', () => {
    expect(formatCalendarDay('2026-12-31')).toBe('31.12.2026');
  });

  it('writes moments as 31.12.2026 18:05 in the unit’s time zone', () => {
    expect(formatMoment('2026-12-31T13:05:00Z', 'Asia/Almaty')).toBe('31.12.2026 18:05');
  });

  it('writes percentages with a decimal comma in Russian and Kazakh, a point in English', () => {
    const column = { label: '%', width: 5, kind: 'percent' as const };
    expect(cellText(12.5, column, 'ru')).toBe('12,5');
    expect(cellText(12.5, column, 'kk')).toBe('12,5');
    expect(cellText(12.5, column, 'en')).toBe('12.5');
  });
});
