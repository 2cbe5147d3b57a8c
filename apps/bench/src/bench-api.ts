import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { RoleGrant } from '@lms/core';
import { createLogger, loadConfig } from '@lms/core';
import { PasswordService, UserService } from '@lms/identity';
import { AppModule } from '../../api/src/app.module';
import { configureApp } from '../../api/src/http-setup';
import { BenchDatabase } from './bench-database';

export interface BenchApi {
  base: string;
  token: string;
  close(): Promise<void>;
}

/** The forked API of `forkBenchApi`, with its process for sampling. */
export interface ForkedBenchApi extends BenchApi {
  process: ChildProcess;
}

interface BenchUser {
  username: string;
  officerId?: string;
  grant: Pick<RoleGrant, 'role' | 'unitId'>;
}

const PASSWORD = 'Bench-user-password-2026';

/** The real HTTP API on a free loopback port over `databaseUrl`; resolves with its port. */
export async function listenBenchApi(databaseUrl: string): Promise<{ port: number; close(): Promise<void> }> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, JWT_SECRET: 'b'.repeat(40), LOG_LEVEL: 'silent' });
  const api = await NestFactory.create(AppModule.forRoot(config, databaseUrl), { bodyParser: false, logger: false });
  configureApp(api, config, createLogger(config));
  await api.listen(0, '127.0.0.1');
  return { port: ((api.getHttpServer() as Server).address() as AddressInfo).port, close: () => api.close() };
}

/** Makes the user and logs in through the API at `base`: the bearer token. */
async function benchToken(db: BenchDatabase, base: string, user: BenchUser): Promise<string> {
  const users = db.app.get(UserService);
  const userId = await users.insert(
    user.username,
    await db.app.get(PasswordService).hash(PASSWORD),
    user.officerId ?? null,
    false,
  );
  await users.writeGrants(userId, [user.grant]);
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return accessToken;
}

/**
 * The real HTTP API on a free loopback port over the bench database, and a
 * bearer token for a user made for the measurement.
 */
export async function startBenchApi(db: BenchDatabase, user: BenchUser): Promise<BenchApi> {
  const api = await listenBenchApi(db.url);
  const base = `http://127.0.0.1:${api.port}/api/v1`;
  return { base, token: await benchToken(db, base, user), close: () => api.close() };
}

/**
 * `startBenchApi` in a child process (`api-process.ts`), so that its memory
 * and CPU are measured apart from the client reading its answers.
 */
export async function forkBenchApi(db: BenchDatabase, user: BenchUser): Promise<ForkedBenchApi> {
  const child = fork(join(__dirname, 'api-process.js'), [], {
    env: { ...process.env, BENCH_API_DATABASE_URL: db.url },
    execArgv: ['--enable-source-maps'],
  });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`the bench API exited with ${String(code)}`))),
  ])) as [{ port: number }];
  const base = `http://127.0.0.1:${message.port}/api/v1`;
  const close = async () => {
    if (child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.disconnect();
    await exited;
  };
  try {
    return { base, token: await benchToken(db, base, user), process: child, close };
  } catch (error) {
    await close();
    throw error;
  }
}
