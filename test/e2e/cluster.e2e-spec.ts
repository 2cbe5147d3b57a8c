import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import request from 'supertest';
import { freePort } from '@lms/core';
import { databaseUrl, onServer } from '../support/test-database';
import { TEST_JWT_SECRET } from '../support/test-app';

const MAIN = resolve(__dirname, '../../dist/apps/api/src/main.js');

/** The pids of `pid`'s child processes. */
function childrenOf(pid: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)]).toString();
  return out
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((n) => n > 0);
}

async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('WEB_CONCURRENCY: several API processes on one port', () => {
  jest.setTimeout(240_000);
  const server = process.env.LMS_TEST_SERVER_URL!;
  const name = `lms_test_${randomBytes(6).toString('hex')}`;
  let child: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    await onServer(server, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.LMS_TEST_TEMPLATE}`));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl(server, name),
        JWT_SECRET: TEST_JWT_SECRET,
        PORT: String(port),
        HOST: '127.0.0.1', // a clone of the demo: its published passwords keep it on loopback
        LOG_LEVEL: 'warn',
        WEB_CONCURRENCY: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until(async () => {
      if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${output}`);
      return request(base)
        .get('/api/v1/health')
        .then(
          (r) => r.status === 200,
          () => false,
        );
    }, 'the API');
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('serves from two processes, replaces one that dies, and stops them all on SIGTERM', async () => {
    await until(() => childrenOf(child.pid!).length === 2, 'two API processes');
    const token = (
      await request(base).post('/api/v1/auth/login').send({ username: 'officer', password: 'Officer-demo-2026' })
    ).body.accessToken as string;
    for (let i = 0; i < 6; i++) {
      await request(base).get('/api/v1/me/enrollments').set('Authorization', `Bearer ${token}`).expect(200);
    }

    const [first] = childrenOf(child.pid!);
    process.kill(first, 'SIGKILL');
    await until(() => {
      const now = childrenOf(child.pid!);
      return now.length === 2 && !now.includes(first);
    }, 'a replacement process');
    await until(
      () =>
        request(base)
          .get('/api/v1/health')
          .then(
            (r) => r.status === 200,
            () => false,
          ),
      'health after the replacement',
    );

    const workers = childrenOf(child.pid!);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});
