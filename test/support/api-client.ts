import { TestApp } from './test-app';

/** Requests under /api/v1 as the holder of `token`. */
export function apiAs(t: TestApp, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    get: (url: string) => t.http().get(`/api/v1${url}`).set(auth),
    delete: (url: string) => t.http().delete(`/api/v1${url}`).set(auth),
    post: (url: string, body: unknown) =>
      t
        .http()
        .post(`/api/v1${url}`)
        .set(auth)
        .send(body as object),
    patch: (url: string, body: unknown) =>
      t
        .http()
        .patch(`/api/v1${url}`)
        .set(auth)
        .send(body as object),
  };
}
