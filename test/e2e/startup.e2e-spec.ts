import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { freePort } from '@lms/core';
import { demoOfficers } from '@lms/demo';

const MAIN = resolve(__dirname, '../../dist/apps/api/src/main.js');

interface Started {
  child: ChildProcess;
  base: string;
  output: () => string;
}

/** Starts the built API as `npm start` does (API and worker in one process), on the embedded database in `dataDir`. */
async function start(dataDir: string, env: Record<string, string> = {}): Promise<Started> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [MAIN, '--with-worker'], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  // A first start loads the demo organisation and its year of training before it listens.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${output}`);
    const ok = await request(base)
      .get('/api/v1/health')
      .then(
        (r) => r.status === 200,
        () => false,
      );
    if (ok) return { child, base, output: () => output };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`the API did not come up:\n${output}`);
}

function stop(started: Started, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolveExit) => {
    started.child.on('exit', (code) => resolveExit(code));
    started.child.kill(signal);
  });
}

async function login(base: string, username: string, password: string) {
  return request(base).post('/api/v1/auth/login').send({ username, password });
}

describe('start-up on the embedded database', () => {
  jest.setTimeout(180_000);
  /** An empty data folder of its own for each test, removed at the end. */
  const dirs: string[] = [];
  const freshDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'lms-startup-'));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach the folder
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const DEMO_OFFICERS = demoOfficers().length;
  const officerTotal = async (base: string) => {
    const admin = await login(base, 'admin', 'Admin-demo-2026');
    const officers = await request(base)
      .get('/api/v1/officers?limit=1')
      .set('authorization', `Bearer ${admin.body.accessToken}`);
    return officers.body.total as number;
  };

  it('comes up on an empty folder with the demo organisation, the admin from the environment and a worker', async () => {
    const api = await start(freshDataDir(), {
      ADMIN_USERNAME: 'chief',
      ADMIN_PASSWORD: 'Chief-pass-2026',
      SCHEDULE_CRON: '* * * * *',
    });
    try {
      // The same process works the queue: its schedules start at once and a sweep runs.
      const deadline = Date.now() + 60_000;
      while (!api.output().includes('assignments.due-notices as of') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(api.output()).toContain('job queues');
      expect(api.output()).toContain('assignments.due-notices as of');
      expect((await login(api.base, 'chief', 'Chief-pass-2026')).status).toBe(200);
      expect((await login(api.base, 'admin', 'Admin-demo-2026')).status).toBe(200);
      expect(DEMO_OFFICERS).toBeGreaterThan(300);
      expect(await officerTotal(api.base)).toBe(DEMO_OFFICERS);
      // the log is JSON lines (not a terminal), and a request's line is short and carries its id
      const requestLine = () =>
        api
          .output()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l))
          .find((l) => l.req?.url === '/api/v1/officers?limit=1');
      for (let i = 0; i < 40 && !requestLine(); i++) await new Promise((r) => setTimeout(r, 50)); // written once the response is sent
      const logged = requestLine();
      expect(logged).toMatchObject({ reqId: expect.any(String), req: { method: 'GET' }, res: { statusCode: 200 } });
      expect(JSON.stringify(logged)).not.toMatch(/authorization|headers/i);
      expect(api.output()).toContain(`ready: open http://localhost:`);
      expect(api.output()).toContain('admin / Admin-demo-2026');
    } finally {
      expect(await stop(api)).toBe(0);
    }
  });

  it('keeps its data across a restart and leaves an existing admin password alone', async () => {
    const dataDir = freshDataDir();
    expect(await stop(await start(dataDir, { ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'Chief-pass-2026' }))).toBe(0);
    const api = await start(dataDir, { ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'Another-pass-2026' });
    try {
      expect((await login(api.base, 'chief', 'Chief-pass-2026')).status).toBe(200);
      expect((await login(api.base, 'chief', 'Another-pass-2026')).status).toBe(401);
      expect(await officerTotal(api.base)).toBe(DEMO_OFFICERS); // demo data not loaded twice
    } finally {
      expect(await stop(api)).toBe(0);
    }
  });

  it('starts again after being killed, and after a stale lock file', async () => {
    const dataDir = freshDataDir();
    const killed = await start(dataDir);
    await stop(killed, 'SIGKILL'); // PostgreSQL may outlive it: the next start reuses it
    const reused = await start(dataDir);
    expect(await stop(reused)).toBe(0);

    const pidFile = join(dataDir, 'postgres', 'pg', 'postmaster.pid');
    writeFileSync(pidFile, ['999999', join(dataDir, 'postgres', 'pg'), '0', '5999', ''].join('\n'));
    const afterStale = await start(dataDir);
    try {
      const health = await request(afterStale.base).get('/api/v1/health');
      expect(health.body.database).toBe('up');
      expect(readFileSync(pidFile, 'utf8').split('\n')[0]).not.toBe('999999');
    } finally {
      expect(await stop(afterStale)).toBe(0);
    }
  });

  it('stops with a clear message and exit code 2 on a bad setting', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, PORT: 'abc', DATA_DIR: freshDataDir() },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(2);
    expect(stderr).toMatch(/PORT must be a whole number/);
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
