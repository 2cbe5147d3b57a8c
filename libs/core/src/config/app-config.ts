import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeKey, keyFromEnvOrDataDir } from '../secrets/secret-key';

/** Validated, typed configuration: read once at start-up, never from process.env elsewhere. */
export interface AppConfig {
  port: number;
  /** Address the HTTP server binds to (loopback by default in the embedded setup). */
  host: string;
  /** Null means: start the embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | null;
  /**
   * The application's own login role (API and workers), beside DATABASE_URL's
   * owner that migrates; null: a role is created per database when the owner
   * may (embedded: always), else the owner is used with a warning.
   */
  appDatabaseUrl: string | null;
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
  /** Where the API is reached from outside: the base of links sent to users (calendar feeds, e-mails). */
  publicUrl: string;
  /** `smtp://user:pass@host:587` or `smtps://...`; null: e-mails are written to the log. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Days before a due date when officers are reminded, unless the course says otherwise (largest first). */
  reminderDaysBefore: number[];
  /** How many jobs of each queue one worker process runs at a time. */
  workerConcurrency: number;
  /** Overrides every scheduled job's cron expression (how often it looks for due work); null: each job's own. */
  scheduleCron: string | null;
  jobRetry: JobRetryConfig;
  /** Requests allowed per window on all routes together, per client address and per signed-in user. */
  rateLimit: { windowSeconds: number; perAddress: number; perUser: number };
  /** Express `trust proxy`: which proxies' X-Forwarded-For names the client (`loopback`, a hop count, addresses/subnets, `false`). */
  trustProxy: boolean | number | string;
  /** Largest CSV body an import accepts, in bytes (counted while it streams). */
  csvMaxBytes: number;
  /** Test mode only: the application clock runs this many seconds ahead of the real one. */
  clockOffsetSeconds: number;
  /**
   * How long an API process may reuse what it read about a token's account
   * (grants, token version, disabled); changes reach every process at once
   * through LISTEN/NOTIFY, this is the bound if a notice were missed. 0: off.
   */
  actorCacheMs: number;
  /** Connections in this process's pool to DATABASE_URL. */
  databasePoolSize: number;
  /** API processes serving one port (node:cluster); more than one needs DATABASE_URL. */
  webConcurrency: number;
  /** A streaming replica that report reads may use; null: reports read the primary. */
  reportsDatabaseUrl: string | null;
  /**
   * Years that records are kept: audit events are never removed before (the
   * application never removes them at all), and a dismissed officer's personal
   * data is anonymised only this long after their record last changed.
   */
  retentionYears: number;
  /**
   * AES-256 keys for second-factor secrets at rest: `current` seals, `previous`
   * (being rotated out) still open what they sealed until start-up re-seals it.
   */
  totpKeys: { current: Buffer; previous: Buffer[] };
}

/** How failing jobs are retried before they are dead-lettered (state `failed`). */
export interface JobRetryConfig {
  /** Retries after the first attempt. */
  limit: number;
  /** Base delay; each retry waits about twice as long as the one before (with jitter). */
  delaySeconds: number;
  /** A job still active after this long is taken as lost (its worker died) and retried. */
  expireSeconds: number;
  /** How often one of the workers looks for lost jobs and archives old ones. */
  maintenanceSeconds: number;
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

function integerList(env: NodeJS.ProcessEnv, name: string, fallback: number[], problems: string[]): number[] {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 1 || value > 365)) {
    problems.push(`${name} must be comma-separated whole numbers of days from 1 to 365 (got "${raw}")`);
    return fallback;
  }
  return [...new Set(values)].sort((a, b) => b - a);
}

function optional(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]?.trim();
  return raw ? raw : null;
}

/** `true`/`false`, a hop count, or Express's names and addresses (`loopback`, `10.0.0.0/8, 127.0.0.1`). */
function trustProxy(raw: string): boolean | number | string {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
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
  const appDatabaseUrl = optional(env, 'APP_DATABASE_URL');
  if (appDatabaseUrl && !/^postgres(ql)?:\/\//.test(appDatabaseUrl)) {
    problems.push('APP_DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  if (appDatabaseUrl && !databaseUrl) problems.push('APP_DATABASE_URL needs DATABASE_URL (the owner that migrates)');
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

  const smtpUrl = optional(env, 'SMTP_URL');
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  const mailFrom = optional(env, 'MAIL_FROM') ?? 'LMS <no-reply@lms.local>';
  if (!/^[^<>]*<?[^\s@<>]+@[^\s@<>]+>?$/.test(mailFrom)) problems.push('MAIL_FROM must be an e-mail address');
  const publicUrl = (optional(env, 'PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicUrl)) problems.push('PUBLIC_URL must be an http:// or https:// URL');
  const scheduleCron = optional(env, 'SCHEDULE_CRON');
  if (scheduleCron && scheduleCron.split(/\s+/).length !== 5) {
    problems.push('SCHEDULE_CRON must be a five-field cron expression');
  }
  const clockOffsetSeconds = integer(env, 'CLOCK_OFFSET_SECONDS', 0, -10 * 366 * 86400, 10 * 366 * 86400, problems);
  if (clockOffsetSeconds !== 0 && env.NODE_ENV !== 'test') {
    problems.push('CLOCK_OFFSET_SECONDS moves the clock for tests only (NODE_ENV=test)');
  }
  const config: AppConfig = {
    port,
    // The embedded setup (demo data, published passwords) answers only this machine unless HOST says otherwise.
    host: optional(env, 'HOST') ?? (databaseUrl === null ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl,
    appDatabaseUrl,
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
    publicUrl,
    smtpUrl,
    mailFrom,
    reminderDaysBefore: integerList(env, 'REMINDER_DAYS_BEFORE', [7, 1], problems),
    workerConcurrency: integer(env, 'WORKER_CONCURRENCY', 2, 1, 50, problems),
    scheduleCron,
    jobRetry: {
      limit: integer(env, 'JOB_RETRY_LIMIT', 5, 0, 50, problems),
      delaySeconds: integer(env, 'JOB_RETRY_DELAY_SECONDS', 30, 1, 3600, problems),
      expireSeconds: integer(env, 'JOB_EXPIRE_SECONDS', 15 * 60, 1, 23 * 3600, problems),
      maintenanceSeconds: integer(env, 'JOB_MAINTENANCE_SECONDS', 120, 1, 3600, problems),
    },
    rateLimit: {
      windowSeconds: integer(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 3600, problems),
      perAddress: integer(env, 'RATE_LIMIT_PER_ADDRESS', 1200, 1, 100_000_000, problems),
      perUser: integer(env, 'RATE_LIMIT_PER_USER', 600, 1, 100_000_000, problems),
    },
    trustProxy: trustProxy(optional(env, 'TRUST_PROXY') ?? 'loopback'),
    csvMaxBytes: integer(env, 'CSV_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024, problems),
    clockOffsetSeconds,
    actorCacheMs: integer(env, 'ACTOR_CACHE_MS', 2000, 0, 60_000, problems),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200, problems),
    webConcurrency: integer(env, 'WEB_CONCURRENCY', 1, 1, 64, problems),
    reportsDatabaseUrl: optional(env, 'REPORTS_DATABASE_URL'),
    retentionYears: integer(env, 'RETENTION_YEARS', 5, 1, 100, problems),
    totpKeys: { current: Buffer.alloc(0), previous: [] },
  };
  if (config.reportsDatabaseUrl && !/^postgres(ql)?:\/\//.test(config.reportsDatabaseUrl)) {
    problems.push('REPORTS_DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  if (config.webConcurrency > 1 && !databaseUrl) {
    problems.push('WEB_CONCURRENCY above 1 needs DATABASE_URL (the embedded database serves one process)');
  }
  const previousTotpKeys = (optional(env, 'TOTP_ENCRYPTION_PREVIOUS_KEYS') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((text) => decodeKey(text, 32));
  if (previousTotpKeys.some((key) => key === null)) {
    problems.push('TOTP_ENCRYPTION_PREVIOUS_KEYS must be comma-separated keys of 32 bytes in base64');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  config.jwtSecret = jwtSecret ?? embeddedJwtSecret(dataDir);
  // Generated into DATA_DIR when not given (the embedded setup); processes sharing one database must share the key.
  const current = keyFromEnvOrDataDir({
    envName: 'TOTP_ENCRYPTION_KEY',
    value: optional(env, 'TOTP_ENCRYPTION_KEY'),
    dataDir,
    fileName: 'totp-key',
    bytes: 32,
    problems,
  });
  if (!current) throw new ConfigError(problems);
  config.totpKeys = { current, previous: previousTotpKeys as Buffer[] };
  return config;
}

/** Whether `host` accepts connections from this machine only. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
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
