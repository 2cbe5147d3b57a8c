import { hideFeedToken } from './log-redaction';

describe('hideFeedToken', () => {
  it('keeps the route of a calendar feed and drops its token', () => {
    expect(hideFeedToken('/api/v1/calendar-feeds/3q2-AbC_d9/sessions.ics?x=1')).toBe(
      '/api/v1/calendar-feeds/[token]/sessions.ics?x=1',
    );
  });

  it('leaves other URLs alone', () => {
    expect(hideFeedToken('/api/v1/me/calendar-feeds')).toBe('/api/v1/me/calendar-feeds');
    expect(hideFeedToken('/api/v1/sessions/1/calendar.ics')).toBe('/api/v1/sessions/1/calendar.ics');
  });
});
