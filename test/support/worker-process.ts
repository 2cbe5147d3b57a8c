import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const WORKER = resolve(__dirname, '../../dist/apps/worker/src/main.js');

/** Settings that make the queue quick enough to test: short back-off, expiry and maintenance, a cron every minute. */
export const FAST_QUEUE = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  JOB_RETRY_LIMIT: '2',
  JOB_RETRY_DELAY_SECONDS: '1',
  JOB_EXPIRE_SECONDS: '4',
  JOB_MAINTENANCE_SECONDS: '1',
  SCHEDULE_CRON: '* * * * *',
  WORKER_CONCURRENCY: '2',
};

/** Polls `check` until it returns something truthy, or fails after `timeoutMs` saying what it waited for. */
export async function eventually<T>(what: string, check: () => Promise<T> | T, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A real worker process (`node dist/apps/worker/src/main.js`, as
 * `npm run start:worker` runs it) on the test's database.
 */
export class WorkerProcess {
  private readonly child: ChildProcess;
  private output = '';
  exitCode: number | null = null;
  signal: NodeJS.Signals | null = null;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ['--enable-source-maps', WORKER], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.on('exit', (code, signal) => {
      this.exitCode = code;
      this.signal = signal;
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.exitCode === null && this.signal === null;
  }

  get log(): string {
    return this.output;
  }

  /** Resolves once the worker works its queues. */
  async ready(timeoutMs = 90_000): Promise<this> {
    await eventually(
      `worker ${this.pid} to start`,
      () => {
        if (!this.running) throw new Error(`worker exited (${this.exitCode ?? this.signal}):\n${this.output}`);
        return this.output.includes('job queues');
      },
      timeoutMs,
    );
    return this;
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** SIGTERM, then waits for the exit (a graceful stop). */
  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}
