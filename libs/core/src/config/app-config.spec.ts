import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'lms-config-'));

describe('loadConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, dataDir: dir, logLevel: 'info', demoData: true });
    expect(config.jwtExpiresInSeconds).toBe(8 * 3600);
  });

  it('reads the throughput settings, and refuses several processes on the embedded database', () => {
    const db = { DATABASE_URL: 'postgres://db/lms', JWT_SECRET: 's'.repeat(32) };
    expect(loadConfig(db)).toMatchObject({ webConcurrency: 1, databasePoolSize: 10, actorCacheMs: 2000 });
    expect(loadConfig({ ...db, WEB_CONCURRENCY: '2', DATABASE_POOL_SIZE: '20', ACTOR_CACHE_MS: '0' })).toMatchObject({
      webConcurrency: 2,
      databasePoolSize: 20,
      actorCacheMs: 0,
    });
    expect(() => loadConfig({ DATA_DIR: dataDir(), WEB_CONCURRENCY: '2' })).toThrow(
      /WEB_CONCURRENCY above 1 needs DATABASE_URL/,
    );
  });

  it('generates the embedded JWT secret once and keeps it in DATA_DIR', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
  });

  it('requires JWT_SECRET with DATABASE_URL and loads no demo data there', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(/JWT_SECRET is required/);
    const config = loadConfig({ DATABASE_URL: 'postgres://x@localhost/db', JWT_SECRET: 's'.repeat(32) });
    expect(config.demoData).toBe(false);
  });

  it('lists every bad value at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        ADMIN_USERNAME: 'root',
        DATA_DIR: dataDir(),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT must be a whole number/);
    expect(problems).toMatch(/LOG_LEVEL must be one of/);
    expect(problems).toMatch(/DATABASE_URL must be a postgres/);
    expect(problems).toMatch(/ADMIN_USERNAME and ADMIN_PASSWORD must be set together/);
  });

  it('refuses a short JWT secret and a short admin password', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short', DATA_DIR: dataDir() })).toThrow(/at least 32 characters/);
    expect(() => loadConfig({ ADMIN_USERNAME: 'a', ADMIN_PASSWORD: 'short', DATA_DIR: dataDir() })).toThrow(
      /ADMIN_PASSWORD must be at least 8/,
    );
  });
});
