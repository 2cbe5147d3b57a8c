import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
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

/**
 * The real HTTP API on a free loopback port over the bench database, and a
 * bearer token for a user made for the measurement.
 */
export async function startBenchApi(
  db: BenchDatabase,
  user: { username: string; officerId?: string; grant: Pick<RoleGrant, 'role' | 'unitId'> },
): Promise<BenchApi> {
  const password = 'Bench-user-password-2026';
  const users = db.app.get(UserService);
  const userId = await users.insert(
    user.username,
    await db.app.get(PasswordService).hash(password),
    user.officerId ?? null,
    false,
  );
  await users.writeGrants(userId, [user.grant]);
  const config = loadConfig({ DATABASE_URL: db.url, JWT_SECRET: 'b'.repeat(40), LOG_LEVEL: 'silent' });
  const api = await NestFactory.create(AppModule.forRoot(config, db.url), { bodyParser: false, logger: false });
  configureApp(api, config, createLogger(config));
  await api.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${((api.getHttpServer() as Server).address() as AddressInfo).port}/api/v1`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { base, token: accessToken, close: () => api.close() };
}
