import 'reflect-metadata';
import { listenBenchApi } from './bench-api';

/** The bench's API as a child process (`forkBenchApi`): its port goes to the parent; it ends when the parent lets go. */
listenBenchApi(process.env.BENCH_API_DATABASE_URL!).then(
  (api) => {
    process.once('disconnect', () => void api.close().then(() => process.exit(0)));
    process.send!({ port: api.port });
  },
  (error: unknown) => {
    process.stderr.write(
      `bench API failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
