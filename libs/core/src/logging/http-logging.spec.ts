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

  it('hides the CSRF token a file upload’s form carries in its address, and keeps the rest', () => {
    expect(hideUrlSecrets('/hr/import?_csrf=abc.DEF-123_x&dryRun=1')).toBe('/hr/import?_csrf=[token]&dryRun=1');
    expect(hideUrlSecrets('/trainer/x/files?lang=kk&_csrf=abc')).toBe('/trainer/x/files?lang=kk&_csrf=[token]');
    expect(hideUrlSecrets('/hr/import?x_csrf=keep')).toBe('/hr/import?x_csrf=keep');
  });
});
