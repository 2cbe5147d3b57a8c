import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BenchDatabase, openBenchDatabase } from './bench-database';
import { BENCH_PASSWORD, benchAccounts, demoData, HttpFixture, nationalData } from './http-fixture';
import { freePort } from '@lms/core';
import { listingLoad, LoadFigures, mixLoad, Server, signIn, startServer } from './http-load';

export interface HttpBenchOptions {
  /** Seconds of each measured run (30 unless `--duration`). */
  duration: number;
  /** Data sets (`--data national,demo`). */
  data: string[];
  /** Connection counts (`--connections 20,100`). */
  connections: number[];
  /** API processes (`--processes 1,2`: WEB_CONCURRENCY of each API run). */
  processes: number[];
  /** Only the listing side by side, or only the morning mix (`--only listing|mix`); both unless given. */
  only?: 'listing' | 'mix';
}

const DATA: Record<string, (db: BenchDatabase) => Promise<void>> = { national: nationalData, demo: demoData };
const JWT_SECRET = 'h'.repeat(48);
const API_SCRIPT = join(__dirname, '../../api/src/main.js');
const REFERENCE_SCRIPT = join(__dirname, 'reference-server.js');

const healthy = async (base: string) => (await fetch(`${base}/api/v1/health`)).ok;
const listening = async (base: string) => (await fetch(`${base}/api/v1/me/enrollments`)).status === 401;

function line(label: string, figures: LoadFigures): string {
  return (
    `${label.padEnd(44)} ${String(figures.rps).padStart(6)} req/s  p50 ${String(figures.p50).padStart(4)} ms` +
    `  p99 ${String(figures.p99).padStart(5)} ms  errors ${figures.errors}  4xx ${figures.refused}` +
    `  CPU ${figures.cpuPerRequest?.toFixed(2)} ms/req`
  );
}

/** Runs `load` against `server`, adding the server's CPU time per request. */
async function measured(server: Server, load: () => Promise<LoadFigures>): Promise<LoadFigures> {
  const before = server.cpuMs();
  const figures = await load();
  return { ...figures, cpuPerRequest: (server.cpuMs() - before) / Math.max(1, figures.requests) };
}

/** One data set: build it, sign everyone in, then the listing side by side and the morning mix. */
async function measure(
  name: string,
  options: HttpBenchOptions,
  say: (text: string) => void,
): Promise<Record<string, number | string>> {
  const db = await openBenchDatabase();
  const figures: Record<string, number | string> = {};
  try {
    const started = Date.now();
    await DATA[name](db);
    const fixture: HttpFixture = await benchAccounts(db, Math.max(...options.connections) + 20);
    say(
      `${name}: data ready in ${((Date.now() - started) / 1000).toFixed(0)} s (${fixture.officers.length} officers signed in)`,
    );
    const [{ officers, enrolments }] = await db.sql<{ officers: number; enrolments: number }>(
      'SELECT (SELECT count(*) FROM officer)::int AS officers, (SELECT count(*) FROM enrollment)::int AS enrolments',
    );
    say(`${name}: ${officers} officers, ${enrolments} enrolments`);
    // The load comes from one address and 120 users: the per-address and per-user rate limits would measure themselves.
    const env = {
      DATABASE_URL: db.url,
      JWT_SECRET,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      NODE_ENV: 'production',
      RATE_LIMIT_PER_ADDRESS: '100000000',
      RATE_LIMIT_PER_USER: '100000000',
    };
    const warmUp = Math.max(3, Math.round(options.duration / 3));
    for (const processes of options.processes) {
      const api = await startServer(
        API_SCRIPT,
        await freePort(),
        { ...env, WEB_CONCURRENCY: String(processes) },
        healthy,
      );
      const reference = await startServer(REFERENCE_SCRIPT, await freePort(), env, listening);
      try {
        const usernames = [...fixture.officers.map((o) => o.username), ...fixture.hr.map((h) => h.username)];
        const tokens = await signIn(api.base, usernames, BENCH_PASSWORD);
        const officerTokens = fixture.officers.map((o) => tokens.get(o.username)!);
        await listingLoad(api.base, officerTokens, 20, warmUp);
        await listingLoad(reference.base, officerTokens, 20, warmUp);
        if (options.only !== 'listing') await mixLoad(api.base, fixture, tokens, 20, warmUp);
        const tag = `${name}, ${processes} process${processes > 1 ? 'es' : ''}`;
        for (const connections of options.connections) {
          const key = `${name} ${processes}p ${connections}c`;
          if (options.only !== 'mix') {
            const ours = await measured(api, () => listingLoad(api.base, officerTokens, connections, options.duration));
            say(line(`${tag}: GET /me/enrollments, ${connections} conn`, ours));
            const theirs = await measured(reference, () =>
              listingLoad(reference.base, officerTokens, connections, options.duration),
            );
            say(line(`${tag}: reference server, ${connections} conn`, theirs));
            const ratio = +(ours.rps / theirs.rps).toFixed(2);
            const cpuRatio = +(theirs.cpuPerRequest! / ours.cpuPerRequest!).toFixed(2);
            say(
              `${tag}: ratio API / reference, ${connections} conn: ${ratio} by req/s, ${cpuRatio} by CPU per request`,
            );
            figures[`${key} listing req/s`] = ours.rps;
            figures[`${key} listing p99 ms`] = ours.p99;
            figures[`${key} reference req/s`] = theirs.rps;
            figures[`${key} ratio`] = ratio;
            figures[`${key} CPU ratio`] = cpuRatio;
            figures[`${key} listing CPU ms/req`] = +ours.cpuPerRequest!.toFixed(2);
            figures[`${key} reference CPU ms/req`] = +theirs.cpuPerRequest!.toFixed(2);
          }
          if (options.only !== 'listing') {
            const mix = await measured(api, () => mixLoad(api.base, fixture, tokens, connections, options.duration));
            say(line(`${tag}: morning mix, ${connections} conn`, mix));
            figures[`${key} mix req/s`] = mix.rps;
            figures[`${key} mix p99 ms`] = mix.p99;
            figures[`${key} mix errors`] = mix.errors;
          }
        }
      } finally {
        await api.stop();
        await reference.stop();
      }
    }
    return figures;
  } finally {
    await db.close();
  }
}

/**
 * `npm run bench -- http`: the production build of the API against a plain
 * `node:http` + `pg` server doing the same work for the officer's listing,
 * side by side in one run, then the morning mix; on the national data set
 * and on the demo's.
 */
export async function httpBench(options: HttpBenchOptions): Promise<Record<string, number | string>> {
  const say = (text: string) => process.stdout.write(`${text}\n`);
  say(
    `load average at start: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}; ${options.duration} s per run`,
  );
  const figures: Record<string, number | string> = {};
  for (const name of options.data) {
    if (!DATA[name]) throw new Error(`unknown data set ${name}; known: ${Object.keys(DATA).join(', ')}`);
    Object.assign(figures, await measure(name, options, say));
  }
  figures['load average at end'] = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  return figures;
}
