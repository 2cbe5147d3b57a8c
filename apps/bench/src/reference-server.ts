import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { mapMyEnrollment, myEnrollmentsSql, MyEnrollmentRow } from '@lms/assignments';
import { ACTOR_SQL, ActorRow } from '@lms/identity';

/**
 * The yardstick of `npm run bench -- http`: `GET /api/v1/me/enrollments` on
 * plain `node:http` and a `pg` pool, no framework. It checks the same HS256
 * token (signature, expiry, the account's token version, disabled, signed
 * out, the officer role) and runs the API's own SQL text for it (without the
 * API's per-token cache: every request reads the account), then answers the
 * same JSON. Started as a child process with DATABASE_URL,
 * JWT_SECRET, PORT and POOL_SIZE; says `listening` on stdout when ready.
 */
const secret = Buffer.from(process.env.JWT_SECRET ?? '');
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const LISTING = myEnrollmentsSql(false);

interface Claims {
  sub: string;
  jti: string;
  ver: number;
  exp: number;
}

function verify(token: string): Claims | null {
  const [header, payload, signature] = token.split('.');
  if (!signature) return null;
  try {
    if ((JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string }).alg !== 'HS256') return null;
    const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Claims;
    return typeof claims.exp === 'number' && claims.exp * 1000 > Date.now() ? claims : null;
  } catch {
    return null;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': status < 400 ? 'application/json; charset=utf-8' : 'application/problem+json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function listing(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const claims = match ? verify(match[1]) : null;
  if (!claims) return send(response, 401, { status: 401, title: 'Unauthenticated' });
  // The API's own statement: the account, its grants and whether the token was signed out.
  const [user] = (await pool.query<ActorRow>(ACTOR_SQL, [claims.sub, claims.jti])).rows;
  if (!user || user.disabled || user.token_version !== claims.ver || user.revoked) {
    return send(response, 401, { status: 401, title: 'Unauthenticated' });
  }
  if (!user.roles.some((grant) => grant.role === 'officer' || grant.role === 'admin')) {
    return send(response, 403, { status: 403, title: 'Forbidden' });
  }
  if (!user.officer_id) return send(response, 200, { items: [], total: 0, limit: 50, offset: 0 });
  const rows = (await pool.query<MyEnrollmentRow>(LISTING, [user.officer_id, 50, 0])).rows;
  send(response, 200, { items: rows.map(mapMyEnrollment), total: rows[0]?.total ?? 0, limit: 50, offset: 0 });
}

const server = createServer((request, response) => {
  if (request.method !== 'GET' || request.url?.split('?')[0] !== '/api/v1/me/enrollments') {
    return send(response, 404, { status: 404, title: 'Not Found' });
  }
  listing(request, response).catch(() => send(response, 500, { status: 500, title: 'Internal Server Error' }));
});
server.keepAliveTimeout = 5000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
