import 'reflect-metadata';
import cluster from 'node:cluster';
import { ConfigError, loadConfigOrExit } from '@lms/core';
import { createApi, ExposedDemoError } from './bootstrap';

/**
 * `--with-worker`: also work the job queue in this process (`npm start`);
 * without it, the API alone (`npm run start:api`). WEB_CONCURRENCY=N starts
 * N API processes sharing the port (node:cluster); the first also works the
 * jobs when asked to.
 */
async function serve(worksJobs: boolean): Promise<void> {
  const api = await createApi(loadConfigOrExit(), { worksJobs });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: shutting down\n`);
    api.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** The primary of WEB_CONCURRENCY processes: starts them, replaces one that dies, stops them all on a signal. */
function supervise(processes: number): void {
  let stopping = false;
  const start = (index: number) => {
    const worker = cluster.fork({ LMS_PROCESS_INDEX: String(index) });
    worker.on('exit', (code, signal) => {
      if (code === 2 && !stopping) {
        process.stderr.write(`API process ${index} refused to start; stopping\n`);
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
        process.exitCode = 2;
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(2);
        return;
      }
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
        return;
      }
      process.stderr.write(`API process ${index} exited (${signal ?? code}); starting another\n`);
      setTimeout(() => start(index), 1000);
    });
  };
  for (let index = 0; index < processes; index++) start(index);
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: stopping ${processes} API processes\n`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function main(): void {
  const withWorker = process.argv.includes('--with-worker');
  const processes = loadConfigOrExit().webConcurrency;
  if (processes > 1 && cluster.isPrimary) return supervise(processes);
  const index = Number(process.env.LMS_PROCESS_INDEX ?? 0);
  serve(withWorker && index === 0).catch((error: unknown) => {
    if (error instanceof ExposedDemoError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2); // a setting to change: the supervisor does not retry it
    }
    process.stderr.write(`start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

main();
