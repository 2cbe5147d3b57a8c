import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { HttpFixture } from './http-fixture';

export interface Server {
  base: string;
  /** CPU milliseconds the server's processes have used so far (Linux; NaN elsewhere). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** User + system CPU of a process and its children (the cluster's API processes), from /proc. */
function processTreeCpuMs(pid: number): number {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line (11 and 12 after the command), in ticks of 10 ms.
    const own = (Number(fields[11]) + Number(fields[12])) * 10;
    return children.reduce((sum, child) => sum + processTreeCpuMs(child), own);
  } catch {
    return NaN;
  }
}

/** Starts `script` under node with `env`; resolves once `ready()` answers true (or fails after two minutes). */
export async function startServer(
  script: string,
  port: number,
  env: Record<string, string>,
  ready: (base: string) => Promise<boolean>,
): Promise<Server> {
  // BENCH_NODE_ARGS: extra node flags for the servers (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script], {
    // Loopback: the load comes from this machine, and the demo data set keeps its published passwords.
    env: { HOST: '127.0.0.1', ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited: ${stderr}`);
    if (await ready(base).catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    cpuMs: () => processTreeCpuMs(child.pid!),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Signs each account in through the API, a few at a time (each sign-in checks an argon2 hash). */
export async function signIn(base: string, usernames: string[], password: string): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const queue = [...usernames];
  const worker = async () => {
    for (let username = queue.shift(); username; username = queue.shift()) {
      const response = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      const body = (await response.json()) as { accessToken?: string; restrictedTo?: string };
      if (!response.ok || !body.accessToken || body.restrictedTo) {
        throw new Error(`sign-in of ${username}: ${response.status} ${JSON.stringify(body)}`);
      }
      tokens.set(username, body.accessToken);
    }
  };
  await Promise.all([1, 2, 3, 4].map(worker));
  return tokens;
}

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and 5xx answers. */
  errors: number;
  /** 4xx answers (the mix expects none). */
  refused: number;
  requests: number;
  /** The server's CPU milliseconds per answered request (what a loaded machine does not distort). */
  cpuPerRequest?: number;
}

interface MixContext {
  officer?: number;
  /** The first request of the pair started a quiz attempt: its answer names the attempt the second submits. */
  starting?: boolean;
  attemptId?: string;
}

type Request = autocannon.Request & {
  setupRequest?: (req: autocannon.Request, context: MixContext) => autocannon.Request;
};

async function run(
  base: string,
  connections: number,
  duration: number,
  requests: Request[],
  counting: boolean,
): Promise<LoadFigures> {
  const statuses = { server: 0, client: 0 };
  const withCounting = counting
    ? requests.map((request) => ({
        ...request,
        onResponse: (status: number, body: string, context: MixContext) => {
          if (status >= 500) statuses.server++;
          else if (status >= 400) statuses.client++;
          (request as { onResponse?: (s: number, b: string, c: MixContext) => void }).onResponse?.(
            status,
            body,
            context,
          );
        },
      }))
    : requests;
  const result = await autocannon({
    url: base,
    connections,
    duration,
    timeout: 10,
    requests: withCounting,
  });
  return {
    rps: Math.round(result.requests.total / duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + (counting ? statuses.server : result['5xx']),
    refused: counting ? statuses.client : result['4xx'],
    requests: result.requests.total,
  };
}

/** `GET /api/v1/me/enrollments` with the officers' tokens, each request with the next one. */
export function listingLoad(base: string, tokens: string[], connections: number, duration: number) {
  let next = 0;
  return run(
    base,
    connections,
    duration,
    [
      {
        method: 'GET',
        path: '/api/v1/me/enrollments',
        setupRequest: (req: autocannon.Request) => ({
          ...req,
          headers: { authorization: `Bearer ${tokens[next++ % tokens.length]}` },
        }),
      },
    ],
    false,
  );
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

/**
 * The morning: officers listing their training (60%), opening a course and
 * its lessons (15%), starting and submitting a quiz (10%: a start, then its
 * submission), opening their training page (5%); HR opening a district's
 * compliance report (5%) and their dashboard (5%). autocannon keeps a
 * connection's context only within one pass over its list of requests, so
 * the list is a pair: the first draws from the whole mix (a start one time in
 * ten), the second submits that attempt or, after anything else, draws from
 * the rest. An officer with an attempt open is not drawn by another pair.
 */
export function mixLoad(
  base: string,
  fixture: HttpFixture,
  tokens: Map<string, string>,
  connections: number,
  duration: number,
) {
  let nextOfficer = 0;
  const busy = new Set<number>();
  const json = { 'content-type': 'application/json' };
  const bearerOf = (username: string) => ({ authorization: `Bearer ${tokens.get(username)}` });
  const get = (req: autocannon.Request, path: string, headers: Record<string, string>): autocannon.Request => ({
    ...req,
    method: 'GET',
    path,
    headers,
    body: undefined,
  });
  /** Anything but a quiz: the mix without its 10% of quiz requests, in the same proportions. */
  const other = (req: autocannon.Request, officerIndex: number): autocannon.Request => {
    const officer = fixture.officers[officerIndex];
    const bearer = bearerOf(officer.username);
    const draw = Math.random() * 90;
    if (draw < 60) return get(req, '/api/v1/me/enrollments', bearer);
    if (draw < 67.5) return get(req, `/api/v1/enrollments/${pick(officer.enrollmentIds)}`, bearer);
    if (draw < 75 && officer.versionIds.length > 0)
      return get(req, `/api/v1/course-versions/${pick(officer.versionIds)}`, bearer);
    if (draw < 80) return get(req, '/me/training', { cookie: `lms_session=${tokens.get(officer.username)}` });
    const hr = pick(fixture.hr);
    if (draw < 85) return get(req, `/api/v1/reports/compliance?unitId=${hr.districtId}`, bearerOf(hr.username));
    return get(req, '/hr', { cookie: `lms_session=${tokens.get(hr.username)}` });
  };
  const first = (req: autocannon.Request, context: MixContext): autocannon.Request => {
    let officer = nextOfficer++ % fixture.officers.length;
    for (let tries = 0; busy.has(officer) && tries < fixture.officers.length; tries++)
      officer = nextOfficer++ % fixture.officers.length;
    context.officer = officer;
    if (Math.random() >= 0.1 || busy.has(officer)) return other(req, officer);
    busy.add(officer);
    context.starting = true;
    const { username, quizEnrollmentId } = fixture.officers[officer];
    return {
      ...req,
      method: 'POST',
      path: `/api/v1/enrollments/${quizEnrollmentId}/attempts`,
      headers: bearerOf(username),
      body: undefined,
    };
  };
  const second = (req: autocannon.Request, context: MixContext): autocannon.Request => {
    const officer = context.officer!;
    if (!context.attemptId) return other(req, officer);
    return {
      ...req,
      method: 'POST',
      path: `/api/v1/attempts/${context.attemptId}/submit`,
      headers: { ...bearerOf(fixture.officers[officer].username), ...json },
      body: JSON.stringify({ answers: [] }),
    };
  };
  return run(
    base,
    connections,
    duration,
    [
      {
        setupRequest: first,
        onResponse: (status: number, body: string, context: MixContext) => {
          if (!context.starting) return;
          if (status === 200 || status === 201) context.attemptId = (JSON.parse(body) as { id: string }).id;
          else busy.delete(context.officer!);
        },
      },
      {
        setupRequest: second,
        onResponse: (_status: number, _body: string, context: MixContext) => {
          if (context.starting) busy.delete(context.officer!);
        },
      },
    ],
    true,
  );
}
