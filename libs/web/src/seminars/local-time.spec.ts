import { instantOf, localInputOf } from './local-time';

describe('local times of a datetime-local field', () => {
  it('reads a wall-clock time in Almaty as the UTC instant (UTC+5)', () => {
    expect(instantOf('2026-12-01T10:00', 'Asia/Almaty')?.toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(instantOf('2026-12-01', 'Asia/Almaty')?.toISOString()).toBe('2026-11-30T19:00:00.000Z');
  });

  it('writes an instant back as the field value in the zone', () => {
    expect(localInputOf('2026-12-01T05:00:00Z', 'Asia/Almaty')).toBe('2026-12-01T10:00');
    expect(localInputOf('2026-11-30T19:30:00Z', 'Asia/Almaty')).toBe('2026-12-01T00:30');
  });

  it('follows a zone with summer time on both sides of the change', () => {
    expect(instantOf('2026-07-01T12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(instantOf('2026-01-15T12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-01-15T11:00:00.000Z');
  });

  it('refuses malformed text, impossible dates and a skipped hour', () => {
    expect(instantOf('', 'Asia/Almaty')).toBeNull();
    expect(instantOf('2026-12-01 10:00', 'Asia/Almaty')).toBeNull();
    expect(instantOf('2026-02-30T10:00', 'Asia/Almaty')).toBeNull();
    expect(instantOf('2026-12-01T24:30', 'Asia/Almaty')).toBeNull();
    expect(instantOf('2026-03-29T02:30', 'Europe/Berlin')).toBeNull();
  });
});
