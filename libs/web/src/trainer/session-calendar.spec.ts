import { dayOf, monthGrid, monthOf } from './session-calendar';

describe('the trainer calendar', () => {
  it('lays a month out in weeks from Monday, counting sessions per day', () => {
    // November 2026 starts on a Sunday: six empty days before it.
    const weeks = monthGrid({ year: 2026, month: 11 }, ['2026-11-02', '2026-11-02', '2026-11-30'], '2026-11-29');
    expect(weeks[0].map((d) => d.day)).toEqual([null, null, null, null, null, null, 1]);
    expect(weeks[1][0]).toEqual({ day: 2, dayKey: '2026-11-02', count: 2, today: false });
    expect(weeks.at(-1)![0]).toEqual({ day: 30, dayKey: '2026-11-30', count: 1, today: false });
    expect(weeks.flat().find((d) => d.today)?.day).toBe(29);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('takes the day in the unit’s time zone, and refuses a malformed month', () => {
    expect(dayOf('2026-11-29T20:00:00Z', 'Asia/Almaty')).toBe('2026-11-30');
    expect(monthOf('2026-13', 'Asia/Almaty')).toBeNull();
    expect(monthOf(undefined, 'Asia/Almaty', new Date('2026-11-29T20:00:00Z'))).toEqual({ year: 2026, month: 11 });
  });
});
