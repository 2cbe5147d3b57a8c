import { hideUrlSecrets } from './http-logging';

describe('hideUrlSecrets', () => {
  it('keeps the route of a calendar feed and drops its token', () => {
    expect(hideUrlSecrets('/api/v1/calendar-feeds/3q2-AbC_d9/sessions.ics?x=1')).toBe(
      '/api/v1/calendar-feeds/[token]/sessions.ics?x=1',
    );
  });

  it('leaves other URLs alone', () => {
    expect(hideUrlSecrets('/api/v1/me/calendar-feeds')).toBe('/api/v1/me/calendar-feeds');
    expect(hideUrlSecrets('/api/v1/sessions/1/calendar.ics')).toBe('/api/v1/sessions/1/calendar.ics');
  });
});
