import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A key of exactly `bytes` random bytes, given base64 (standard or URL-safe)
 * in the environment variable `envName`, or else generated once into
 * `dataDir/fileName` (mode 0600) and read from there at every later start.
 * Problems (a value that is not base64 of the right length, a key file that
 * was damaged) are pushed onto `problems` for the configuration's one error
 * message; the result is then null.
 */
export function keyFromEnvOrDataDir(options: {
  envName: string;
  value: string | null;
  dataDir: string;
  fileName: string;
  bytes: number;
  problems: string[];
}): Buffer | null {
  const { envName, value, dataDir, fileName, bytes, problems } = options;
  if (value !== null) {
    const key = decodeKey(value, bytes);
    if (!key)
      problems.push(`${envName} must be ${bytes} random bytes in base64 (e.g. \`openssl rand -base64 ${bytes}\`)`);
    return key;
  }
  const file = join(dataDir, fileName);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    text = createKeyFile(dataDir, file, bytes);
  }
  const key = decodeKey(text.trim(), bytes);
  if (!key) problems.push(`${file} must hold ${bytes} bytes in base64; restore it from a backup or set ${envName}`);
  return key;
}

/** Exactly `bytes` bytes written in base64, or null. */
export function decodeKey(text: string, bytes: number): Buffer | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return null;
  const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === bytes ? key : null;
}

/** A new key file; when another process made one first (several start at once), theirs is the key. */
function createKeyFile(dataDir: string, file: string, bytes: number): string {
  mkdirSync(dataDir, { recursive: true });
  const text = randomBytes(bytes).toString('base64') + '\n';
  try {
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
    return text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8');
  }
}
