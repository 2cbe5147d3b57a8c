import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Validated, typed configuration: read once at start-up, never from process.env elsewhere. */
export interface AppConfig {
  port: number;
  /** Address the HTTP server binds to. */
  host: string;
  /** Null means: start the embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `auto`: readable lines on a terminal, JSON lines otherwise. */
  logFormat: 'auto' | 'pretty' | 'json';
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  adminUsername: string | null;
  adminPassword: string | null;
  /** Load the demo organisation into an empty embedded database. */
  demoData: boolean;
  loginLockoutThreshold: number;
  loginLockoutMinutes: number;
  corsOrigins: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const LOG_LEVELS: AppConfig['logLevel'][] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const LOG_FORMATS: AppConfig['logFormat'][] = ['auto', 'pretty', 'json'];

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function optional(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]?.trim();
  return raw ? raw : null;
}

/**
 * The embedded setup keeps its JWT secret in DATA_DIR so that tokens survive a
 * restart; a real deployment must say its secret explicitly.
 */
function embeddedJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const port = integer(env, 'PORT', 3000, 0, 65535, problems);
  const databaseUrl = optional(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const dataDir = resolve(optional(env, 'DATA_DIR') ?? './data');
  const logLevel = (optional(env, 'LOG_LEVEL') ?? 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const logFormat = (optional(env, 'LOG_FORMAT') ?? 'auto') as AppConfig['logFormat'];
  if (!LOG_FORMATS.includes(logFormat)) problems.push(`LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}`);

  const jwtSecret = optional(env, 'JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  if (!jwtSecret && databaseUrl) problems.push('JWT_SECRET is required when DATABASE_URL is set');

  const adminUsername = optional(env, 'ADMIN_USERNAME');
  const adminPassword = optional(env, 'ADMIN_PASSWORD');
  if ((adminUsername === null) !== (adminPassword === null)) {
    problems.push('ADMIN_USERNAME and ADMIN_PASSWORD must be set together');
  }
  if (adminPassword !== null && adminPassword.length < 8) problems.push('ADMIN_PASSWORD must be at least 8 characters');

  const demoRaw = optional(env, 'DEMO_DATA');
  if (demoRaw !== null && !['true', 'false'].includes(demoRaw)) problems.push('DEMO_DATA must be true or false');

  const config: AppConfig = {
    port,
    host: optional(env, 'HOST') ?? '0.0.0.0',
    databaseUrl,
    dataDir,
    logLevel,
    logFormat,
    jwtSecret: '',
    jwtExpiresInSeconds: integer(env, 'JWT_EXPIRES_IN_SECONDS', 8 * 3600, 60, 30 * 24 * 3600, problems),
    adminUsername,
    adminPassword,
    demoData: demoRaw === null ? databaseUrl === null : demoRaw === 'true',
    loginLockoutThreshold: integer(env, 'LOGIN_LOCKOUT_THRESHOLD', 5, 1, 100, problems),
    loginLockoutMinutes: integer(env, 'LOGIN_LOCKOUT_MINUTES', 10, 1, 24 * 60, problems),
    corsOrigins: (optional(env, 'CORS_ORIGINS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  config.jwtSecret = jwtSecret ?? embeddedJwtSecret(dataDir);
  return config;
}

/** For process entry points: a bad setting stops the process with its message and exit code 2, no stack trace. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
