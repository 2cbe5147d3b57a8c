import 'reflect-metadata';
import { loadConfigOrExit } from '@lms/core';
import { createApi, ExposedDemoError } from './bootstrap';

/** `--with-worker`: also work the job queue in this process (`npm start`); without it, the API alone (`npm run start:api`). */
async function main(): Promise<void> {
  const api = await createApi(loadConfigOrExit(), { worksJobs: process.argv.includes('--with-worker') });
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

main().catch((error: unknown) => {
  if (error instanceof ExposedDemoError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
