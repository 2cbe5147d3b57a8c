import { TestApp } from './test-app';

/**
 * Requests under /api/v1 as the holder of `token` (none: anonymous). A body
 * given here is sent as JSON; without one, chain `.send()`, `.type()` etc.
 */
export function apiAs(t: TestApp, token?: string) {
  const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const withBody = (request: ReturnType<ReturnType<TestApp['http']>['post']>, body: unknown) =>
    body === undefined ? request : request.send(body as object);
  return {
    get: (url: string) => t.http().get(`/api/v1${url}`).set(auth),
    post: (url: string, body?: unknown) => withBody(t.http().post(`/api/v1${url}`).set(auth), body),
    patch: (url: string, body?: unknown) => withBody(t.http().patch(`/api/v1${url}`).set(auth), body),
    put: (url: string, body?: unknown) => withBody(t.http().put(`/api/v1${url}`).set(auth), body),
    delete: (url: string) => t.http().delete(`/api/v1${url}`).set(auth),
  };
}
