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

/** A trainer of its own for a test (the demo trainer's calendar is full of the demo's sessions); returns its user id. */
export async function createTrainer(t: TestApp, username: string): Promise<{ id: string; password: string }> {
  const admin = apiAs(t, await t.login('admin'));
  const [root] = await t.sql<{ id: string }>('SELECT id FROM unit WHERE parent_id IS NULL');
  const password = 'Trainer-test-2026';
  const res = await admin.post('/users', {
    username,
    password,
    roles: [{ role: 'trainer', unitId: root.id }],
    mustChangePassword: false,
  });
  if (res.status !== 201) throw new Error(`trainer ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, password };
}
