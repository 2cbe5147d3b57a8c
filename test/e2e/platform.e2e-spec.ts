import type { Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import { createTestApp, TestApp } from '../support/test-app';

const PROBLEM = /application\/problem\+json/;

describe('platform: health, docs, errors and headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports the database up and migrations current', async () => {
    const res = await t.http().get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', migrations: { current: true, pending: [] } });
  });

  it('reports 503 when a migration is missing from the database', async () => {
    const [last] = await t.sql<{ name: string }>('SELECT name FROM schema_migration ORDER BY id DESC LIMIT 1');
    await t.sql('DELETE FROM schema_migration WHERE name = $1', [last.name]);
    try {
      const res = await t.http().get('/api/v1/health');
      expect(res.status).toBe(503);
      expect(res.body.migrations).toEqual({ current: false, pending: [last.name] });
    } finally {
      await t.sql(`INSERT INTO schema_migration (timestamp, name) VALUES ($1, $2)`, [
        Number(last.name.match(/\d+$/)![0]),
        last.name,
      ]);
    }
  });

  it('serves the OpenAPI document generated from the code, with the contract routes', async () => {
    const page = await t.http().get('/api/v1/docs');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/swagger/i);
    const doc = await t.http().get('/api/v1/docs/openapi.json');
    expect(doc.status).toBe(200);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/me',
      '/api/v1/units',
      '/api/v1/officers/import',
      '/api/v1/health',
    ]) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await t.http().get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('answers a body that is not JSON with a 400 problem and no parser internals', async () => {
    const res = await t.http().post('/api/v1/auth/login').set('content-type', 'application/json').send('{"username": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.type).toBe('/problems/malformed-body');
    expect(JSON.stringify(res.body)).not.toMatch(/SyntaxError|at JSON|node_modules/);
  });

  it('answers a URL it cannot parse (raw Cyrillic, a bad escape) with a 400 problem', async () => {
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      // Sent as raw bytes: an HTTP client would percent-encode the name.
      const raw = await new Promise<string>((resolve, reject) => {
        let answer = '';
        const socket = connect(port, '127.0.0.1', () =>
          socket.write(Buffer.from('GET /api/v1/officers?q=Ерлан HTTP/1.1\r\nHost: localhost\r\n\r\n', 'utf8')),
        );
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
      const [head, body] = raw.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 /);
      expect(head).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(body)).toMatchObject({ type: '/problems/malformed-request', status: 400 });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const badEscape = await t.http().get('/api/v1/officers/%E0%A4%A');
    expect(badEscape.status).toBe(400);
    expect(badEscape.headers['content-type']).toMatch(PROBLEM);
  });

  it('refuses an over-large JSON body with 413', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ username: 'x', password: 'y'.repeat(3 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });

  it('sets security headers and keeps CORS closed', async () => {
    const res = await t.http().get('/api/v1/health').set('Origin', 'https://evil.example');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await t.http().get('/api/v1/health').set('X-Request-Id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.http().get('/api/v1/health').set('X-Request-Id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
