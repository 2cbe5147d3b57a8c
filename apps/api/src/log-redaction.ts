/** Calendar-feed URLs carry their secret: request logs keep the route, never the token. */
export function hideFeedToken(url: string): string {
  return url.replace(/\/calendar-feeds\/[^/?]+/, '/calendar-feeds/[token]');
}
